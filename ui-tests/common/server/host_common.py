"""What the two test hosts (JupyterLab and Jupyter Notebook 7) serve alike.

PyPI is out of reach here, so neither the Python ``jupyterlab`` nor the
``notebook`` package can be installed. The hosts do their job with what
Debian ships: a ``jupyterlab_server.LabServerApp`` serves a front end built
from npm packages (``ui-tests/lab``, ``ui-tests/notebook``), with its
schemas, themes, settings, workspaces and the folders of prebuilt
(federated) extensions, and real file-system contents and kernels from
jupyter-server.

jupyter-server 1.23 predates some endpoints the 4.6 front ends call; the
small handlers below answer them the way jupyter-server 2 does.
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


#: The endpoints jupyter-server 1.23 lacks, answered as jupyter-server 2 does.
MISSING_ENDPOINTS = [
    (r"/api/me", IdentityHandler),
    (r"/api/events", EventsHandler),
    (r"/api/events/subscribe", EventsSocketHandler),
    (r"/lsp/status", LspStatusHandler),
]


def package_version(host_dir):
    """The version in a host's ``package.json`` (the release it is built from)."""
    with open(os.path.join(host_dir, "package.json"), encoding="utf-8") as fid:
        return json.load(fid)["version"]


class HostApp(LabServerApp):
    """A front end built in ``<host_dir>/build``, served by jupyterlab_server.

    Subclasses set ``host_dir`` and the application's names and URLs.
    """

    #: The host's folder (``ui-tests/lab``, ``ui-tests/notebook``).
    host_dir = ""
    load_other_extensions = False

    labextensions_dir = List(
        Unicode(),
        help="Folders of prebuilt extensions (share/jupyter/labextensions layout).",
    ).tag(config=True)

    aliases = dict(LabServerApp.aliases)
    aliases["labextensions-dir"] = "HostApp.labextensions_dir"

    def _build_path(self, *parts):
        return os.path.join(self.host_dir, "build", *parts)

    @default("static_dir")
    def _default_static_dir(self):
        return self._build_path("static")

    @default("templates_dir")
    def _default_templates_dir(self):
        return self._build_path("static")

    @default("schemas_dir")
    def _default_schemas_dir(self):
        return self._build_path("schemas")

    @default("themes_dir")
    def _default_themes_dir(self):
        return self._build_path("themes")

    @default("app_settings_dir")
    def _default_app_settings_dir(self):
        return self._build_path("settings")

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
        page_config = self.serverapp.web_app.settings.setdefault("page_config_data", {})
        page_config.setdefault("exposeAppInBrowser", True)
        page_config.setdefault("buildAvailable", False)
        page_config.setdefault("buildCheck", False)
        page_config.setdefault("token", self.serverapp.token)
        self.handlers.extend(MISSING_ENDPOINTS)
        super().initialize_handlers()


def launch(module_name):
    """Start the host whose module is ``module_name`` (run as ``__main__``).

    jupyter-server finds an extension by its module name, not ``__main__``,
    so the module is imported again under its own name.
    """
    main = sys.modules["__main__"]
    sys.path.insert(0, os.path.dirname(os.path.abspath(main.__file__)))
    module = __import__(module_name)
    app = module._jupyter_server_extension_points()[0]["app"]
    sys.exit(app.launch_instance())
