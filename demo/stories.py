"""
Demo stories for `manage.py load_demo`: exemplar schools and places on several
continents, including the three exemplar states the network lifts up (California,
Georgia and New Hampshire). Invented for the demo, and marked as such.
"""

import datetime

from django.utils.text import slugify

from demo.images import demo_image, draw_landscape
from demo.pages import ensure_index, key_areas_by_slug
from stories.models import StoryIndexPage, StoryPage
from topics.models import Topic

AUTHOR = "Communications team (demo story)"
HERO_ALT_TEXT = "An illustrated landscape standing in for a photograph of the place."

INDEX = {
    "title": "Stories",
    "slug": "stories",
    "introduction": (
        "Schools and places around the world that show the change we want to see, "
        "told by the people who made it happen."
    ),
}

STORIES = [
    {
        "title": "A school garden that feeds a neighbourhood",
        "slug": "school-garden-fresno",
        "summary": (
            "In Fresno, California, students turned an empty lot into a garden that now "
            "supplies the school kitchen and a weekly market for families."
        ),
        "place": ("Fresno", "California", "US"),
        "date": datetime.date(2026, 9, 14),
        "areas": ["climate-change-and-nature-education", "sustainable-well-being"],
        "topics": ["school gardens", "food"],
        "paragraphs": [
            "Four years ago the lot behind the school was gravel and a broken fence. Today "
            "it holds forty raised beds, a rainwater tank and a shaded classroom built by "
            "the students themselves.",
            "Science classes measure soil moisture and track harvests; maths classes run "
            "the market's accounts. Families who once rarely came onto the campus now "
            "arrive every Friday to buy vegetables and stay to talk with teachers.",
        ],
        "photo": {
            "alt_text": "Students water raised beds beside a rainwater tank.",
            "caption": "Friday morning in the garden, before the market opens.",
        },
        "quote": "The garden taught us that learning is something you can eat.",
        "lessons": [
            "Start small: five beds and one committed teacher are enough.",
            "Give students real responsibility for money and decisions.",
            "Invite families in through something they need, not a meeting.",
        ],
        "figures": [("40", "raised beds"), ("300", "families at the market each month")],
    },
    {
        "title": "Students who redesigned their own timetable",
        "slug": "student-timetable-georgia",
        "summary": (
            "A high school near Atlanta, Georgia, let a student council redesign the "
            "week around longer projects. Attendance rose and so did the results."
        ),
        "place": ("Decatur", "Georgia", "US"),
        "date": datetime.date(2026, 6, 2),
        "areas": ["sustainable-leadership", "breaking-the-cycle-of-poverty"],
        "topics": ["student voice", "deeper learning"],
        "paragraphs": [
            "When the school asked students why they missed classes, the answer was "
            "simple: the day was cut into too many pieces to care about any of them.",
            "A council of twelve students, elected by their classmates, spent a semester "
            "with teachers designing a week with two long project blocks. Teachers "
            "co-plan across subjects; students present their work to the community each "
            "term.",
        ],
        "quote": "For the first time the school asked us, and then it actually listened.",
        "lessons": [
            "Treat students as designers of their school, not only its users.",
            "Protect planning time so that teachers can build projects together.",
            "Measure what matters to families: attendance, belonging and results.",
        ],
    },
    {
        "title": "Learning that moves at the pace of each student",
        "slug": "competency-learning-new-hampshire",
        "summary": (
            "In New Hampshire, a rural district replaced seat time with clear competencies, "
            "so that every student moves on when they have shown what they can do."
        ),
        "place": ("Concord", "New Hampshire", "US"),
        "date": datetime.date(2025, 11, 20),
        "areas": ["sustainable-leadership"],
        "topics": ["competency-based learning", "policy"],
        "paragraphs": [
            "Teachers in the district wrote, with state support, a short list of "
            "competencies for each subject. Students show them through projects, "
            "presentations and tests, and can try again until they succeed.",
            "The change needed new report cards, new conversations with parents and a "
            "great deal of trust. It also needed state policy that allowed credit for "
            "learning wherever it happens.",
        ],
        "quote": "We stopped asking how long a student sat in a room and asked what they learned.",
        "lessons": [
            "Write competencies with the teachers who will use them.",
            "Explain the change to parents early and often.",
            "Ask policymakers for the flexibility to credit learning outside class.",
        ],
    },
    {
        "title": "A solar-powered classroom connects a village to the world",
        "slug": "solar-classroom-kenya",
        "summary": (
            "A primary school outside Nairobi built a solar-powered computer room and now "
            "teaches online safety and exchanges letters with schools on three continents."
        ),
        "place": ("Kiambu", "Kiambu County", "KE"),
        "date": datetime.date(2026, 3, 8),
        "areas": ["global-digital-citizenship", "breaking-the-cycle-of-poverty"],
        "topics": ["digital citizenship", "solar energy"],
        "paragraphs": [
            "Power cuts once made computers useless here. Twelve solar panels on the roof "
            "now keep twenty refurbished laptops running all day.",
            "Every class starts with how to stay safe and kind online. Pupils then write "
            "to partner schools in Colombia and the Philippines and compare how they "
            "measure rainfall.",
        ],
        "quote": "Our pupils no longer ask whether the world is listening. They write to it.",
        "lessons": [
            "Solve power first: without it, devices are only furniture.",
            "Teach online safety before anything else.",
            "Give exchanges a shared task, such as measuring the weather.",
        ],
        "figures": [("20", "laptops"), ("3", "partner schools abroad")],
    },
    {
        "title": "Replanting the mangroves that protect a coast",
        "slug": "mangroves-cebu",
        "summary": (
            "Secondary students in Cebu, the Philippines, have replanted five hectares of "
            "mangroves with fishing families, and study the coast as it recovers."
        ),
        "place": ("Cordova", "Cebu", "PH"),
        "date": datetime.date(2026, 5, 22),
        "areas": ["climate-change-and-nature-education", "sustainability-and-human-rights"],
        "topics": ["coasts", "climate adaptation"],
        "paragraphs": [
            "After a typhoon flattened the seawall, fishing families asked the school for "
            "help. Mangroves, the elders said, had once protected the village better than "
            "concrete ever could.",
            "Students now raise seedlings in the school nursery, plant them at low tide "
            "and count crabs, fish and birds each month. Their data goes to the regional "
            "environment office.",
        ],
        "quote": "The sea taught our grandparents. Now the students are teaching the sea to heal.",
        "lessons": [
            "Begin with a problem the community already wants solved.",
            "Pair students with elders who know the place.",
            "Share the data with people who make decisions.",
        ],
    },
    {
        "title": "Teaching in the language children dream in",
        "slug": "mother-tongue-oaxaca",
        "summary": (
            "Schools in Oaxaca, Mexico, teach the first years in Zapotec and Spanish, and "
            "children who once left school early now stay and read in both."
        ),
        "place": ("Teotitlán del Valle", "Oaxaca", "MX"),
        "date": datetime.date(2025, 10, 3),
        "areas": ["sustainability-and-human-rights", "sustainable-well-being"],
        "topics": ["mother-tongue education", "indigenous languages"],
        "paragraphs": [
            "For decades children here were taught only in Spanish, a language many did "
            "not speak at home. Many stopped coming by the age of ten.",
            "Teachers and grandparents wrote reading books in Zapotec together. Children "
            "now learn to read in their first language and add Spanish step by step.",
        ],
        "quote": "A child who is understood at school comes back the next day.",
        "lessons": [
            "Learning starts in the language a child already knows.",
            "Make the materials with the community, not for it.",
            "Respecting a language is respecting a people's rights.",
        ],
    },
    {
        "title": "An outdoor school day, every week, in every weather",
        "slug": "outdoor-day-finland",
        "summary": (
            "A school in Espoo, Finland, spends one full day a week outdoors. Pupils say "
            "they are calmer, and teachers say they learn more."
        ),
        "place": ("Espoo", "Uusimaa", "FI"),
        "date": datetime.date(2026, 1, 27),
        "areas": ["sustainable-well-being", "climate-change-and-nature-education"],
        "topics": ["outdoor learning", "well-being"],
        "paragraphs": [
            "On Wednesdays, the whole school walks to the forest at the edge of town. "
            "Mathematics happens with sticks and stones; language lessons with stories "
            "told around a fire.",
            "The school tracks pupils' sleep, mood and concentration through the year. "
            "Teachers use the results to plan the rest of the week.",
        ],
        "quote": "There is no bad weather, only the wrong clothes and the wrong timetable.",
        "lessons": [
            "Make time outdoors a routine, not a reward.",
            "Plan outdoor lessons as carefully as indoor ones.",
            "Watch well-being as closely as grades.",
        ],
    },
    {
        "title": "A second shift that became a first choice",
        "slug": "second-shift-amman",
        "summary": (
            "In Amman, Jordan, a public school runs an afternoon shift for refugee "
            "children, and the two shifts now share clubs, a library and a garden."
        ),
        "place": ("Amman", "Amman Governorate", "JO"),
        "date": datetime.date(2026, 8, 11),
        "areas": ["breaking-the-cycle-of-poverty", "sustainability-and-human-rights"],
        "topics": ["refugee education", "inclusion"],
        "paragraphs": [
            "Like many schools in Jordan, this one teaches local children in the morning "
            "and refugee children in the afternoon. For years the two groups never met.",
            "Teachers from both shifts started joint clubs at midday: reading, football "
            "and a rooftop garden. The clubs became the most popular hour of the day.",
        ],
        "quote": "We share the same desks. Now we share the same friends.",
        "lessons": [
            "Find the hour where two communities can meet.",
            "Give teachers from both groups time to plan together.",
            "Let children lead what the shared activities become.",
        ],
    },
    {
        "title": "Young peacebuilders on the hillsides of Medellín",
        "slug": "peacebuilders-medellin",
        "summary": (
            "In Medellín, Colombia, secondary students train as mediators and run "
            "listening circles that have halved conflicts in their school."
        ),
        "place": ("Medellín", "Antioquia", "CO"),
        "date": datetime.date(2026, 10, 16),
        "areas": ["sustainable-leadership", "sustainability-and-human-rights"],
        "topics": ["student voice", "peace education"],
        "paragraphs": [
            "The school sits in a neighbourhood that has known violence. Its students "
            "decided that conflict would not define their school.",
            "Forty students trained as mediators. They run weekly listening circles, and "
            "teachers now send disagreements to them before the head teacher's office.",
        ],
        "quote": "Peace is not the absence of conflict. It is knowing what to do with it.",
        "lessons": [
            "Train students to lead, then trust them.",
            "Make listening a routine, not an emergency measure.",
            "Record what changes, so that others can learn from it.",
        ],
        "figures": [("40", "student mediators"), ("50%", "fewer conflicts in two years")],
    },
]


def story_body(story):
    body = [("paragraph", "".join(f"<p>{text}</p>" for text in story["paragraphs"]))]
    if "photo" in story:
        photo = story["photo"]
        picture = demo_image(photo["caption"], draw_landscape(photo["caption"]), photo["alt_text"])
        image = {"image": picture, "alt_text": photo["alt_text"], "decorative": False}
        body.append(("image", {"image": image, "caption": photo["caption"], "credit": ""}))
    body.append(("pull_quote", {"text": story["quote"]}))
    if "figures" in story:
        figures = [{"figure": figure, "label": label} for figure, label in story["figures"]]
        body.append(("key_figures", {"heading": "", "figures": figures}))
    lessons = "".join(f"<li>{lesson}</li>" for lesson in story["lessons"])
    body.append(("lessons", {"heading": "What others can learn", "text": f"<ul>{lessons}</ul>"}))
    return body


def topic(name, locale):
    found, _created = Topic.objects.get_or_create(
        locale=locale, slug=slugify(name), defaults={"name": name}
    )
    return found


def load(home):
    """Add the story index and the demo stories under `home`, keeping what exists."""
    index = ensure_index(home, StoryIndexPage, INDEX)
    areas = key_areas_by_slug(home)
    for data in sorted(STORIES, key=lambda story: story["date"]):
        if index.get_children().filter(slug=data["slug"]).exists():
            continue
        place_name, region, country = data["place"]
        story = StoryPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            date=data["date"],
            place_name=place_name,
            region=region,
            country=country,
            authors=[("name", AUTHOR)],
            image=demo_image(data["title"], draw_landscape(data["slug"]), HERO_ALT_TEXT),
            image_alt_text=HERO_ALT_TEXT,
            image_credit="Illustration generated for the demo",
            body=story_body(data),
        )
        story.key_areas = [areas[slug] for slug in data["areas"]]
        story.topics = [topic(name, home.locale) for name in data["topics"]]
        index.add_child(instance=story)
        story.save_revision().publish()
    return index
