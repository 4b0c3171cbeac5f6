"""Stand-ins for services on the internet, replaced at their boundary."""

from urllib.parse import parse_qs, urlparse

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder


class FakeOEmbedFinder(EmbedFinder):
    """Answers for YouTube and Vimeo addresses as their oEmbed endpoints would."""

    def accept(self, url):
        return urlparse(url).hostname in {"www.youtube.com", "youtu.be", "vimeo.com"}

    def find_embed(self, url, max_width=None, max_height=None):
        parsed = urlparse(url)
        if parsed.hostname == "vimeo.com":
            video_id = parsed.path.strip("/")
            player = f"https://player.vimeo.com/video/{video_id}"
            provider = "Vimeo"
        else:
            video_id = parse_qs(parsed.query).get("v", [parsed.path.strip("/")])[0]
            player = f"https://www.youtube.com/embed/{video_id}?feature=oembed"
            provider = "YouTube"
        if not video_id:
            raise EmbedNotFoundException
        return {
            "title": f"Video {video_id}",
            "author_name": "A partner school",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": f"https://i.ytimg.com/vi/{video_id}/hqdefault.jpg",
            "width": 480,
            "height": 270,
            "html": (
                f'<iframe width="480" height="270" src="{player}" frameborder="0" '
                f'allowfullscreen title="Video {video_id}"></iframe>'
            ),
        }
