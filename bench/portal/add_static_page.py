#!/usr/bin/env python3
"""Registers one more file of a published portal's wwwroot with MapStaticAssets, which serves only what the
publish-time endpoint manifest lists. The benchmark uses it to serve a saved article page as a plain static file
from the same Kestrel, uncompressed like the rendered page.

Usage: add_static_page.py PUBLISH_FOLDER ROUTE
"""
import base64
import email.utils
import hashlib
import json
import os
import sys

folder, route = sys.argv[1], sys.argv[2]
path = os.path.join(folder, "wwwroot", route)
with open(path, "rb") as file:
    content = file.read()
digest = base64.b64encode(hashlib.sha256(content).digest()).decode()
manifest_path = os.path.join(folder, "HelpPortal.Web.staticwebassets.endpoints.json")
with open(manifest_path, encoding="utf-8") as file:
    manifest = json.load(file)
manifest["Endpoints"] = [e for e in manifest["Endpoints"] if e["Route"] != route]
manifest["Endpoints"].append({
    "Route": route,
    "AssetFile": route,
    "Selectors": [],
    "EndpointProperties": [{"Name": "integrity", "Value": f"sha256-{digest}"}],
    "ResponseHeaders": [
        {"Name": "Cache-Control", "Value": "no-cache"},
        {"Name": "Content-Length", "Value": str(len(content))},
        {"Name": "Content-Type", "Value": "text/html; charset=utf-8"},
        {"Name": "ETag", "Value": f'"{digest}"'},
        {"Name": "Last-Modified", "Value": email.utils.formatdate(os.path.getmtime(path), usegmt=True)},
    ],
})
with open(manifest_path, "w", encoding="utf-8") as file:
    json.dump(manifest, file, indent=2)
