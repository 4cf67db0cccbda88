"""kxplan: plan a customer-experience strategy in a workshop."""

__version__ = "0.1.0"
