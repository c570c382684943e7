"""Serve the test Notebook 7: Jupyter Notebook 7.6's front end on Debian's
jupyter-server.

The front end is the one ``ui-tests/notebook`` builds from Notebook 7's npm
packages; what both test hosts serve alike (and the endpoints
jupyter-server 1.23 lacks) is in ``ui-tests/common/server/host_common.py``.
This module adds Notebook 7's pages, as the Python ``notebook`` package
serves them: ``/tree/<dir>``, ``/notebooks/<path>``, ``/edit/<path>`` and
``/consoles/<path>``, each the same app told its page (``notebookPage``)
through the page config.

Run it with Debian's interpreter::

    /usr/bin/python3 ui-tests/notebook/server/notebook_host.py --port 8888 \
        --ServerApp.root_dir=examples --labextensions-dir=<dir>
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "common", "server"))

from host_common import HostApp, launch, package_version  # noqa: E402
from jupyter_server.base.handlers import JupyterHandler  # noqa: E402
from jupyter_server.utils import ensure_async, url_escape, url_path_join  # noqa: E402
from jupyterlab_server.handlers import LabHandler  # noqa: E402
from tornado import web  # noqa: E402

NOTEBOOK_DIR = os.path.dirname(HERE)


class PageHandler(LabHandler):
    """A page of Notebook 7: the app, told which page it is."""

    #: The page's name in the page config (``notebookPage``).
    page = ""
    #: The page's favicon, from jupyter-server's static files.
    favicon = "favicon.ico"
    #: The page's title until the app sets its own.
    title = "Jupyter Notebook"

    def render_page(self, **extra):
        # LabHandler's page config is the server's shared dict: copy it.
        page_config = dict(self.get_page_config(), notebookPage=self.page, **extra)
        self.write(
            self.render_template(
                "page.html",
                page_config=page_config,
                page_title=self.title,
                favicon=self.favicon,
            )
        )

    @web.authenticated
    def get(self, path=None):
        self.render_page()


class TreeHandler(PageHandler):
    """``/tree/<dir>``: the file browser; a file redirects to its own page."""

    page = "tree"
    title = "Home"

    @web.authenticated
    async def get(self, path=""):
        path = path.strip("/")
        contents = self.contents_manager
        if await ensure_async(contents.dir_exists(path=path)):
            if await ensure_async(contents.is_hidden(path)) and not contents.allow_hidden:
                raise web.HTTPError(404)
            return self.render_page(treePath=path)
        if await ensure_async(contents.file_exists(path)):
            model = await ensure_async(contents.get(path, content=False))
            prefix = "notebooks" if model["type"] == "notebook" else "files"
            return self.redirect(url_path_join(self.base_url, prefix, url_escape(path)))
        raise web.HTTPError(404)


class NotebookPageHandler(PageHandler):
    """``/notebooks/<path>``: one notebook; a folder redirects to the tree."""

    page = "notebooks"
    favicon = "favicon-notebook.ico"

    @web.authenticated
    async def get(self, path=""):
        path = path.strip("/")
        if await ensure_async(self.contents_manager.dir_exists(path=path)):
            return self.redirect(url_path_join(self.base_url, "tree", url_escape(path)))
        return self.render_page()


class EditHandler(PageHandler):
    """``/edit/<path>``: one file in the text editor."""

    page = "edit"
    favicon = "favicon-file.ico"


class ConsoleHandler(PageHandler):
    """``/consoles/<path>``: one console."""

    page = "consoles"


class NoLabHandler(JupyterHandler):
    """``/lab``: not here (stock Notebook 7 has it from the jupyterlab package)."""

    @web.authenticated
    def get(self, *args):
        raise web.HTTPError(404, "This server has Notebook 7 only: `npm start` serves JupyterLab.")


class NotebookHost(HostApp):
    """Jupyter Notebook 7's front end, served by jupyterlab_server on jupyter-server.

    Terminals are off: Notebook 7 shows each in a page of its own, opened by
    @jupyter-notebook/terminal-extension, which npm does not have at 7.6.x.
    """

    name = "notebook_host"
    app_name = "Jupyter Notebook"
    description = "Jupyter Notebook 7.6 (npm build) on Debian's jupyter-server"
    host_dir = NOTEBOOK_DIR
    #: The Notebook release the front end is built from (ui-tests/notebook/package.json).
    app_version = package_version(NOTEBOOK_DIR)
    extension_url = "/"
    default_url = "/tree"
    file_url_prefix = "/tree"
    serverapp_config = {"terminals_enabled": False}

    def initialize_handlers(self):
        # Before the handlers of LabServerApp, whose /lab pages this host lacks.
        self.handlers.extend(
            [
                (r"/tree(.*)", TreeHandler),
                (r"/notebooks(.*)", NotebookPageHandler),
                (r"/edit(.*)", EditHandler),
                (r"/consoles/(.*)", ConsoleHandler),
                (r"/(?:lab|doc)(?:/workspaces/[^/]+)?(?:/tree/.*)?/?", NoLabHandler),
            ]
        )
        super().initialize_handlers()


def _jupyter_server_extension_points():
    return [{"module": "notebook_host", "app": NotebookHost}]


if __name__ == "__main__":
    launch("notebook_host")
