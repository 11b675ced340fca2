"""bantin: a static site generator for Vietnamese commune information sites."""

__version__ = "0.1.0"
