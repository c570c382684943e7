"""The UI tests' servers: galata's test configuration, then the project's.

galata's ``configure_jupyter_server`` loads galata's in-page helpers (the
labextension shipped in the jupyterlab wheel) and exposes the app; the
project's ``scripts/jupyter_config.py`` then sets the port, the token, the
folder and what must not be fetched.
"""

import os

from jupyterlab.galata import configure_jupyter_server

c = get_config()  # noqa: F821

configure_jupyter_server(c)
galata_labextensions = str(c.LabServerApp.extra_labextensions_path)
load_subconfig(  # noqa: F821
    os.path.join(os.path.dirname(__file__), "..", "scripts", "jupyter_config.py")
)
c.LabServerApp.extra_labextensions_path = [
    galata_labextensions,
    *(p for p in os.environ.get("NBMETA_EXTRA_LABEXTENSIONS", "").split(os.pathsep) if p),
]
# galata gives the lab a temporary workspaces folder; the server's own is kept.
c.LabApp.workspaces_dir = c.LabServerApp.workspaces_dir
c.LabApp.expose_app_in_browser = True
c.JupyterNotebookApp.expose_app_in_browser = True
