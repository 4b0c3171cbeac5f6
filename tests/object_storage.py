"""
An S3-compatible server on a local port (moto's), standing in for the object storage a
deployment uses: it is outside our reach, so tests meet it at its boundary.
"""

import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest

from tests.network import free_port

BUCKET = "network-media"
CREDENTIALS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
MOTO_SERVER = Path(sys.executable).parent / "moto_server"


@pytest.fixture(scope="module")
def object_storage():
    """The endpoint of a fresh S3-compatible server holding an empty bucket."""
    port = free_port()
    server = subprocess.Popen(
        [MOTO_SERVER, "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
    for _attempt in range(100):
        try:
            client.create_bucket(Bucket=BUCKET)
            break
        except Exception:  # not listening yet
            time.sleep(0.1)
    try:
        yield endpoint
    finally:
        server.terminate()
        server.wait()


def bucket_keys(endpoint):
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
    listing = client.list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


def storage_settings(endpoint):
    return {
        "BACKEND": "operations.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            "region_name": "us-east-1",
            "access_key": CREDENTIALS["aws_access_key_id"],
            "secret_key": CREDENTIALS["aws_secret_access_key"],
            "file_overwrite": False,
            "querystring_auth": False,
        },
    }


def environment(endpoint):
    """The same storage, as an app server's environment sets it."""
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": CREDENTIALS["aws_secret_access_key"],
    }
