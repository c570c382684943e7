"""Serve the test lab: JupyterLab 4.6's front end on Debian's jupyter-server.

The front end is the one ``ui-tests/lab`` builds from JupyterLab's npm
packages; what both test hosts serve alike (and the endpoints
jupyter-server 1.23 lacks) is in ``ui-tests/common/server/host_common.py``.

Run it with Debian's interpreter::

    /usr/bin/python3 ui-tests/lab/server/lab_host.py --port 8888 \
        --ServerApp.root_dir=examples --labextensions-dir=<dir>
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(HERE)), "common", "server"))

from host_common import HostApp, launch, package_version  # noqa: E402

LAB_DIR = os.path.dirname(HERE)


class LabHost(HostApp):
    """JupyterLab's front end, served by jupyterlab_server on jupyter-server."""

    name = "lab_host"
    app_name = "JupyterLab"
    description = "JupyterLab 4.6 (npm build) on Debian's jupyter-server"
    host_dir = LAB_DIR
    #: The JupyterLab release the front end is built from (ui-tests/lab/package.json).
    app_version = package_version(LAB_DIR)
    extension_url = "/lab"
    default_url = "/lab"


def _jupyter_server_extension_points():
    return [{"module": "lab_host", "app": LabHost}]


if __name__ == "__main__":
    launch("lab_host")
