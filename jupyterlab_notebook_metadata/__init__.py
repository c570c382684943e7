"""A notebook metadata editor for JupyterLab (a prebuilt labextension)."""

__version__ = "0.1.0"


def _jupyter_labextension_paths():
    """Where JupyterLab finds the prebuilt extension this package ships."""
    return [{"src": "labextension", "dest": "jupyterlab-notebook-metadata"}]
