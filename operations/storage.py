from django.conf import settings
from storages.backends.s3 import S3Storage


class MediaStorage(S3Storage):
    """
    Uploads in S3-compatible object storage. Renditions (images/) are written readable by
    anyone, since pages link straight to them; original images and documents stay
    private to the app, which serves documents through Wagtail's view. Where the bucket
    refuses object ACLs (AWS's default "bucket owner enforced"), set AWS_RENDITIONS_ACL
    empty and let a bucket policy make images/* public instead (docs/production.md).
    """

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith("images/") and settings.AWS_RENDITIONS_ACL:
            parameters["ACL"] = settings.AWS_RENDITIONS_ACL
        return parameters
