"""The commands of ``python build.py`` / ``bantin``: build, new, serve, check and
import, one module each, with the options they share in ``options``."""
