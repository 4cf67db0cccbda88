"""Safe text and numbers: what every view uses to show a plan's words and figures."""
