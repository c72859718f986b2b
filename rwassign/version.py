"""The version of rwassign, in a module of its own: the plan workbook records it, and the
package's front door (``rwassign/__init__.py``) imports the whole library, so a layer below it
reads the version from here without importing back up."""

__version__ = "0.1.0"
