"""newstrail: turn a pile of raw news articles into a sourced record of a developing story."""

import logging

logging.getLogger("newstrail").addHandler(logging.NullHandler())

__version__ = "0.1.0"
