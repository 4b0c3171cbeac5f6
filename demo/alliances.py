"""
Demo alliances for `manage.py load_demo`: the three international school networks of
the seed page (../shared/seeds/001_1bf2198f1a86069c.txt), with logos drawn locally.
"""

from alliances.models import AllianceIndexPage, AlliancePage
from demo.images import demo_image, draw_logo
from demo.pages import ensure_index, key_areas_by_slug

INDEX = {
    "title": "Alliances",
    "slug": "alliances",
    "introduction": (
        "We are proud to be part of three leading international education networks. "
        "Through these global platforms we collaborate with like-minded schools to advance "
        "innovative education, sustainability and student well-being, and to prepare "
        "learners to thrive in an interconnected world."
    ),
}

ALLIANCES = [
    {
        "title": "Global Alliance of Leading-Edge Schools for Sustainability",
        "slug": "galess",
        "acronym": "GALESS",
        "summary": (
            "A community of progressive schools dedicated to advancing sustainability "
            "through education and leadership."
        ),
        "body": (
            "By fostering collaboration among students, educators and institutions, GALESS "
            "promotes innovative practices and global partnerships that inspire action "
            "toward a more sustainable future."
        ),
        "sectors": ["Sustainability", "Leadership", "Global Partnerships"],
        "scope": "Global",
        "website": "https://www.galess.org/gls/",
        "areas": ["sustainable-leadership", "climate-change-and-nature-education"],
        "colours": ("#1f6f50", "#a7d7b8", "#14513a"),
    },
    {
        "title": "International Science Schools Network",
        "slug": "issn",
        "acronym": "ISSN",
        "summary": (
            "A collaborative platform that brings together educators and school leaders "
            "from around the world to drive meaningful change in sustainability education."
        ),
        "body": (
            "Through shared resources, action-focused dialogues and cross-school "
            "partnerships, ISSN empowers schools to embed sustainability deeply into "
            "teaching, learning and campus culture."
        ),
        "sectors": ["Sustainability Education", "School Leadership", "Campus Culture"],
        "scope": "Global",
        "website": "https://issn-education.org/",
        "areas": ["climate-change-and-nature-education", "sustainability-and-human-rights"],
        "colours": ("#0f4c75", "#9fd3e6", "#0b3553"),
    },
    {
        "title": "Strategic Alliance of Global Educators",
        "slug": "sage",
        "acronym": "SAGE",
        "summary": (
            "A global network of innovative schools committed to building a better world "
            "through collaborative education."
        ),
        "body": (
            "SAGE aims to enable educators and students to share best practices, co-develop "
            "learning experiences, and grow as globally competent learners in the 21st "
            "century."
        ),
        "sectors": [
            "Bicultural Education",
            "Digital Education",
            "Experiential Learning",
            "Student Well-Being",
        ],
        "founded_year": 2012,
        "scope": "Global",
        "website": "https://sagesch.org/",
        "areas": ["global-digital-citizenship", "sustainable-well-being"],
        "colours": ("#7a3e1d", "#f0c27b", "#4b2612"),
    },
]


def load(home):
    """Add the alliance index and the three alliances under `home`, keeping what exists."""
    index = ensure_index(home, AllianceIndexPage, INDEX)
    areas = key_areas_by_slug(home)
    for data in ALLIANCES:
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        ink, emblem, mark = data["colours"]
        alliance = AlliancePage(
            title=data["title"],
            slug=data["slug"],
            acronym=data["acronym"],
            summary=data["summary"],
            image=demo_image(
                f"{data['acronym']} logo",
                draw_logo(data["acronym"], width=560, ink=ink, emblem=emblem, mark=mark),
            ),
            image_alt_text=f"{data['acronym']} logo",
            focus_sectors=[("sector", sector) for sector in data["sectors"]],
            founded_year=data.get("founded_year"),
            scope=data["scope"],
            website=data["website"],
            body=[("paragraph", f"<p>{data['body']}</p>")],
        )
        alliance.key_areas = [areas[slug] for slug in data["areas"]]
        index.add_child(instance=alliance)
        alliance.save_revision().publish()
    return index
