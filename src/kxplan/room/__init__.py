"""The workshop room: participants estimate, vote and send ideas from their own devices.

Plain Python under the server: :mod:`~kxplan.room.state` is the room itself (who
joined, the rounds, dots and ideas), :mod:`~kxplan.room.tally` what a revealed round
shows, :mod:`~kxplan.room.journal` the append-only record that keeps every answer
through a crash, and :mod:`~kxplan.room.server` the small web server phones talk to.
"""
