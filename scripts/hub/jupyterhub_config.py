"""The JupyterHub of `npm run hub` and of the hub's UI tests.

A real JupyterHub (PyPI, .venv) behind configurable-http-proxy (npm,
node_modules), on loopback only: a shared password for the allowed users,
and each user's single-user server a process of its own, with a home folder
of its own under the state folder (SimpleLocalProcessSpawner: no system users,
no isolation; for trying and testing only). scripts/hub.mjs sets the
NBMETA_HUB_* variables. Everything the hub keeps (its database, cookie secret,
the proxy's pid file, the users' homes) is in the state folder, never in the
repository.
"""

import json
import os
import sys

c = get_config()  # noqa: F821 (defined by traitlets when it loads this file)

here = os.path.dirname(os.path.abspath(__file__))
state = os.environ["NBMETA_HUB_STATE"]
users = json.loads(os.environ["NBMETA_HUB_USERS"])

c.JupyterHub.bind_url = f"http://127.0.0.1:{os.environ['NBMETA_HUB_PORT']}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{os.environ['NBMETA_HUB_API_PORT']}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['NBMETA_HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["NBMETA_HUB_PROXY"]]
c.ConfigurableHTTPProxy.pid_file = os.path.join(state, "jupyterhub-proxy.pid")
c.JupyterHub.db_url = "sqlite:///" + os.path.join(state, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(state, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(state, "jupyterhub.pid")
# The hub's own internal traffic over loopback, as the proxy's.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# A password every allowed user logs in with (DummyAuthenticator.password is
# deprecated since JupyterHub 5.3 for this authenticator).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["NBMETA_HUB_PASSWORD"]
c.Authenticator.allowed_users = set(users)

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.path.join(state, "home", "{username}")
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
# The single-user server of the environment the hub runs in (.venv), with
# this project's single-user configuration: the machine runs as root.
c.Spawner.cmd = [os.path.join(sys.prefix, "bin", "jupyterhub-singleuser")]
c.Spawner.args = [f"--config={os.path.join(here, 'singleuser_config.py')}"]
c.Spawner.environment = {
    # Where the admin's overrides.json is (see singleuser_config.py).
    "NBMETA_HUB_APP_SETTINGS": os.environ["NBMETA_HUB_APP_SETTINGS"],
    "NBMETA_EXPOSE_APP": os.environ.get("NBMETA_EXPOSE_APP", ""),
    "NBMETA_EXTRA_LABEXTENSIONS": os.environ.get("NBMETA_EXTRA_LABEXTENSIONS", ""),
    # ipykernel's debugger warns on every kernel start without this.
    "PYDEVD_DISABLE_FILE_VALIDATION": "1",
}
# Two servers starting at once on two busy cores take more than 60 s.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
