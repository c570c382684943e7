"""The configuration of every single-user server of the project's hub.

What an admin would put in the single-user environment: the lab opens,
nothing is fetched from the internet, and the admin's settings folder (its
overrides.json: the course section and the panel's defaults for everyone) is
the one this server reads. Real-time collaboration and Jupytext, installed in
the same environment for other tests, are off, as in the project's other
test servers.
"""

import os

c = get_config()  # noqa: F821 (defined by traitlets when it loads this file)

# The project's machines run as root, and jupyter-server refuses root without it.
c.ServerApp.allow_root = True

# No news feed and no update check: they would fetch from the internet.
c.LabApp.news_url = None
c.LabApp.check_for_updates_class = "jupyterlab.NeverCheckForUpdate"

# The admin's settings folder. By default it is
# `<sys.prefix>/share/jupyter/lab/settings` (`jupyter lab path`), where a real
# deployment puts overrides.json; here it is a folder of the repository, so
# that the environment stays as pip made it.
c.LabServerApp.app_settings_dir = os.environ["NBMETA_HUB_APP_SETTINGS"]

c.ServerApp.jpserver_extensions.update(
    {
        "jupyterlab_jupytext": False,
        "jupyter_server_ydoc": False,
        "jupyter_server_fileid": False,
    }
)

extra = [p for p in os.environ.get("NBMETA_EXTRA_LABEXTENSIONS", "").split(os.pathsep) if p]
if extra:
    c.LabServerApp.extra_labextensions_path = extra

# `window.jupyterapp`, for the UI tests.
if os.environ.get("NBMETA_EXPOSE_APP") == "1":
    c.LabApp.expose_app_in_browser = True
