"""The configuration of every Jupyter server this project starts.

`npm start`, the UI tests and the benchmark run the real ``jupyter lab`` and
``jupyter notebook`` of ``.venv`` with this file (scripts/jupyter.mjs sets the
NBMETA_* variables): on loopback, with a token, on one folder, with settings
and workspaces of its own, and nothing fetched from the internet.
"""

import os

c = get_config()  # noqa: F821 (defined by traitlets when it loads this file)

c.ServerApp.ip = "127.0.0.1"
c.ServerApp.port = int(os.environ["NBMETA_PORT"])
c.ServerApp.port_retries = 0
c.ServerApp.open_browser = False
# The project's machines run as root, and jupyter-server refuses root without it.
c.ServerApp.allow_root = True
c.ServerApp.root_dir = os.environ["NBMETA_ROOT"]
c.IdentityProvider.token = os.environ["NBMETA_TOKEN"]

# No news feed and no update check: they would fetch from the internet. The
# app settings folder holds overrides.json, which also stops the lab from
# asking whether to fetch news.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"
c.LabServerApp.app_settings_dir = os.path.join(os.path.dirname(__file__), "app-settings")

state = os.environ["NBMETA_STATE"]
c.LabServerApp.user_settings_dir = os.path.join(state, "user-settings")
c.LabServerApp.workspaces_dir = os.path.join(state, "workspaces")

# Folders of more prebuilt extensions (the example extension, galata's).
extra = [p for p in os.environ.get("NBMETA_EXTRA_LABEXTENSIONS", "").split(os.pathsep) if p]
if extra:
    c.LabServerApp.extra_labextensions_path = extra
# The one folder of prebuilt extensions, instead of the environment's (the
# benchmark's lab without this extension).
only = os.environ.get("NBMETA_LABEXTENSIONS_ONLY")
if only:
    c.LabServerApp.labextensions_path = [only]

# `window.jupyterapp`, for the tests and the benchmark.
if os.environ.get("NBMETA_EXPOSE_APP") == "1":
    c.LabApp.expose_app_in_browser = True
    c.JupyterNotebookApp.expose_app_in_browser = True

# Jupytext (installed in .venv) only where asked for (NBMETA_JUPYTEXT=1:
# `npm start`, the jupytext-lab test host). Set here, as a trait: the
# environment's jupyter_server_config.d/jupytext.json would win over a JSON
# file of the state's config folder.
if os.environ.get("NBMETA_JUPYTEXT") != "1":
    c.ServerApp.jpserver_extensions.update({"jupyterlab_jupytext": False})

# Real-time collaboration (jupyter-collaboration, installed in .venv) only
# where asked for (NBMETA_COLLABORATIVE=1: `npm start -- --collaborative`,
# the collab-lab test host); its lab extensions follow it
# (scripts/jupyter.mjs). Its state stays in the state folder: the document
# store (by default in the current folder), the session file (by default in
# the served folder) and the file ids.
if os.environ.get("NBMETA_COLLABORATIVE") == "1":
    c.SQLiteYStore.db_path = os.path.join(state, "ystore.db")
    c.YDocExtension.session_store_path = os.path.join(state, "collaboration_sessions.json")
    c.BaseFileIdManager.db_path = os.path.join(state, "file_id_manager.db")
else:
    c.ServerApp.jpserver_extensions.update(
        {"jupyter_server_ydoc": False, "jupyter_server_fileid": False}
    )
