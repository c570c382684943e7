"""Serve the test lab: JupyterLab 4.6's front end on Debian's jupyter-server.

PyPI is out of reach here, so the Python ``jupyterlab`` package cannot be
installed. This module does its job with what Debian ships: a
``jupyterlab_server.LabServerApp`` serves the front end that
``ui-tests/lab`` builds from JupyterLab's npm packages, with its schemas,
themes, settings, workspaces and the folder of prebuilt (federated)
extensions, and real file-system contents and kernels from jupyter-server.

jupyter-server 1.23 predates some endpoints the 4.6 front end calls;
small handlers below answer them the way jupyter-server 2 does.

Run it with Debian's interpreter::

    /usr/bin/python3 ui-tests/lab/server/lab_host.py --port 8888 \
        --ServerApp.root_dir=examples --labextensions-dir=<dir>
"""

import getpass
import json
import os
import sys

from jupyter_server.base.handlers import APIHandler, JupyterHandler
from jupyter_server.base.zmqhandlers import WebSocketMixin
from jupyterlab_server import LabServerApp
from tornado import web, websocket
from traitlets import List, Unicode, default

HERE = os.path.dirname(os.path.abspath(__file__))
LAB_DIR = os.path.dirname(HERE)
BUILD_DIR = os.path.join(LAB_DIR, "build")

#: The JupyterLab release the front end is built from (ui-tests/lab/package.json).
with open(os.path.join(LAB_DIR, "package.json"), encoding="utf-8") as _fid:
    LAB_VERSION = json.load(_fid)["version"]


class IdentityHandler(APIHandler):
    """``GET /api/me``: the current user, as jupyter-server 2 answers it."""

    @web.authenticated
    def get(self):
        username = getpass.getuser()
        identity = {
            "username": username,
            "name": username,
            "display_name": username,
            "initials": username[:1].upper(),
            "avatar_url": None,
            "color": None,
        }
        permissions = {}
        requested = self.get_query_argument("permissions", "")
        if requested:
            try:
                wanted = json.loads(requested)
            except ValueError:
                raise web.HTTPError(400, "permissions should be a JSON dict")
            if not isinstance(wanted, dict):
                raise web.HTTPError(400, "permissions should be a JSON dict")
            # A single local user may do everything it asks for.
            permissions = {resource: list(actions) for resource, actions in wanted.items()}
        self.finish(json.dumps({"identity": identity, "permissions": permissions}))


class EventsHandler(APIHandler):
    """``POST /api/events``: accept a client event (no schema registry here)."""

    @web.authenticated
    def post(self):
        try:
            payload = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "the body is not JSON")
        if not isinstance(payload, dict) or "schema_id" not in payload:
            raise web.HTTPError(400, "an event needs a schema_id")
        self.set_status(204)
        self.finish()


class EventsSocketHandler(WebSocketMixin, websocket.WebSocketHandler, JupyterHandler):
    """``/api/events/subscribe``: the event stream; this server emits none.

    Built like jupyter-server's kernel channels socket: its origin check
    (same origin unless ``allow_origin`` says otherwise) and its pings.
    """

    async def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403)
        return await super().get(*args, **kwargs)

    def on_message(self, message):
        """Clients do not send on this socket; ignore anything that comes."""


class LspStatusHandler(APIHandler):
    """``GET /lsp/status``: no language servers are installed here."""

    @web.authenticated
    def get(self):
        self.finish(json.dumps({"version": 2, "sessions": {}, "specs": {}}))


class LabHost(LabServerApp):
    """JupyterLab's front end, served by jupyterlab_server on jupyter-server."""

    name = "lab_host"
    app_name = "JupyterLab"
    description = "JupyterLab 4.6 (npm build) on Debian's jupyter-server"
    app_version = LAB_VERSION
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False

    labextensions_dir = List(
        Unicode(),
        help="Folders of prebuilt extensions (share/jupyter/labextensions layout).",
    ).tag(config=True)

    aliases = dict(LabServerApp.aliases)
    aliases["labextensions-dir"] = "LabHost.labextensions_dir"

    @default("static_dir")
    def _default_static_dir(self):
        return os.path.join(BUILD_DIR, "static")

    @default("templates_dir")
    def _default_templates_dir(self):
        return os.path.join(BUILD_DIR, "static")

    @default("schemas_dir")
    def _default_schemas_dir(self):
        return os.path.join(BUILD_DIR, "schemas")

    @default("themes_dir")
    def _default_themes_dir(self):
        return os.path.join(BUILD_DIR, "themes")

    @default("app_settings_dir")
    def _default_app_settings_dir(self):
        return os.path.join(BUILD_DIR, "settings")

    @default("user_settings_dir")
    def _default_user_settings_dir(self):
        return os.path.join(self._state_dir(), "user-settings")

    @default("workspaces_dir")
    def _default_workspaces_dir(self):
        return os.path.join(self._state_dir(), "workspaces")

    def _state_dir(self):
        """Per-run state (settings, workspaces), beside the notebooks by default."""
        return os.environ.get(
            "LAB_HOST_STATE_DIR", os.path.join(self.serverapp.root_dir, ".lab-state")
        )

    def initialize_settings(self):
        self.labextensions_path = list(self.labextensions_dir) + list(self.labextensions_path)
        super().initialize_settings()

    def initialize_handlers(self):
        super().initialize_handlers()
        page_config = self.serverapp.web_app.settings.setdefault("page_config_data", {})
        page_config.setdefault("exposeAppInBrowser", True)
        page_config.setdefault("buildAvailable", False)
        page_config.setdefault("buildCheck", False)
        page_config.setdefault("token", self.serverapp.token)
        self.handlers.extend(
            [
                (r"/api/me", IdentityHandler),
                (r"/api/events", EventsHandler),
                (r"/api/events/subscribe", EventsSocketHandler),
                (r"/lsp/status", LspStatusHandler),
            ]
        )


def _jupyter_server_extension_points():
    return [{"module": "lab_host", "app": LabHost}]


if __name__ == "__main__":
    # jupyter-server finds an extension by its module name, not ``__main__``.
    sys.path.insert(0, HERE)
    import lab_host

    sys.exit(lab_host.LabHost.launch_instance())
