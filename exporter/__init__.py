"""exporter: turn news live blogs and articles into a calendar and feeds people subscribe to."""

__version__ = "0.1.0"
