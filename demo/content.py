"""
The demo site's words, taken from the seed texts the project started from
(../shared/seeds/): the network's mission and values, and its "What we do" page.
"""

ORGANISATION = {
    "organisation_name": "Partnerships for Sustainability Education",
    "short_name": "PSE",
    "tagline": "A global network transforming education for a healthy, just and sustainable world.",
    "contact_email": "hello@example.org",
    "contact_address": "Demo address: replace it in Settings → Site settings",
    "footer_text": "<p>Demo content. Texts adapted from the network's own pages.</p>",
}

SOCIAL_LINKS = [
    ("facebook", "https://www.facebook.com/"),
    ("youtube", "https://www.youtube.com/"),
    ("linkedin", "https://www.linkedin.com/"),
]

HOME = {
    "title": "Partnerships for Sustainability Education",
    "mission": (
        "Develop, inspire and empower education leaders, educators, children, youth, "
        "parents, families, schools, and communities to take action to create a just, "
        "equitable, and sustainable society."
    ),
    "introduction": "".join(
        f"<p>{paragraph}</p>"
        for paragraph in [
            "Partnerships for Sustainability Education (PSE) is a global network of education "
            "leaders, teachers, parents, children, youth, schools, and communities committed "
            "to transforming education.",
            "The COVID-19 pandemic pushes us to understand more deeply how we are all "
            "interconnected and demands that we, now more than ever, build partnerships, "
            "co-create positive changes, and build a stronger, united world.",
            "As a network, PSE nurtures the ecology and health of education as it promotes "
            "fairness and care in families, schools, and communities around the world. PSE "
            "inspires innovation, sustainability, and leadership in teaching and learning.",
            "Together, we build each other to become agents of change.",
        ]
    ),
    "vision": (
        "A healthy, just and sustainable world wherein people value, sustain, and realize "
        "human potential while achieving sustainability, well-being, and equity for all."
    ),
    "objectives": [
        "Build partnerships between and among education leaders, teachers, children, youth, "
        "schools, higher education institutions, civil society, the private and public "
        "sector, and communities through dialogues, continuous professional development and "
        "school improvement programs, and collaborative projects on innovative teaching and "
        "learning, sustainability, and leadership.",
        "Provide capacity-building assistance to individual and school or organization "
        "partners to become change agents and leaders, so that their voice influences the "
        "decisions of education leaders, policymakers and business leaders in their own "
        "locality.",
        "Provide venues and platforms for partners around the world to connect with each "
        "other: to learn, share, and develop best practices on curriculum, sustainability, "
        "and leadership appropriate for their local context.",
        "Create and promote policies and programs that support children, teachers, families, "
        "and schools.",
        "Greater use of and access to research and evaluation on innovation, sustainability, "
        "and leadership initiatives, programs, and practices in schools with measurable "
        "impact.",
        "Increased multi-sector support for a transformative education that nurtures the "
        "ecology and health of education and promotes fairness and care in families, "
        "schools, and communities.",
    ],
    "core_values": [
        (
            "Leadership",
            "We inspire and empower partners to help create a transformative education that "
            "fosters innovation, sustainability, and leadership. Our decisions and actions "
            "are based on equity, inclusion, excellence, and social justice.",
        ),
        (
            "Care",
            "We safeguard what is known to work while we explore new approaches in a "
            "responsible way. We pay careful attention to our actions and how they impact "
            "other people and the environment.",
        ),
        (
            "Innovation",
            "We embrace change and inspire new ideas, new tools, better ways of creating and "
            "delivering our work. We inspire others to innovate in similar ways.",
        ),
        (
            "Collaboration",
            "We know that creating a just, equitable, and sustainable world requires "
            "cooperation and teamwork. We need one another to achieve this common goal.",
        ),
        (
            "Service",
            "By giving our focused attention on the impact of our work, we make a difference "
            "in the world.",
        ),
    ],
    "key_areas_introduction": (
        "Six areas of work where partners learn together and take action in their own places."
    ),
    "call_to_action": {
        "heading": "Become a partner",
        "text": (
            "Schools, teachers, families and organisations join the network to learn with "
            "each other and lead change where they are."
        ),
        "link_label": "See what we do",
    },
}

KEY_AREAS_INDEX = {
    "title": "Key areas",
    "slug": "key-areas",
    "introduction": (
        "The network's work is organised in six key areas. Each brings partners together "
        "around a shared challenge of our time."
    ),
}

KEY_AREAS = [
    {
        "title": "Sustainable Leadership",
        "slug": "sustainable-leadership",
        "summary": (
            "Growing leaders at every level of education who make decisions for the long "
            "term: for people, communities and the planet."
        ),
        "body": [
            "Sustainable leadership starts in the classroom and the staff room. Partners "
            "work with head teachers, teachers and student leaders on ways of leading that "
            "share responsibility, build trust and keep the long term in view.",
            "Through dialogues, continuous professional development and school improvement "
            "programmes, leaders learn from each other across countries and sectors.",
        ],
        "quote": (
            "Leadership is not a title. It is the habit of acting for the good of those who "
            "come after us.",
            "A partner head teacher",
        ),
    },
    {
        "title": "Climate Change and Nature Education",
        "slug": "climate-change-and-nature-education",
        "summary": (
            "Learning about climate and nature by caring for real places: school grounds, "
            "rivers, forests and coastlines."
        ),
        "body": [
            "Children and young people learn best about the living world when they spend "
            "time in it. Partner schools turn grounds into gardens and habitats, monitor "
            "their local rivers and measure their own carbon footprint.",
            "The network shares curriculum materials and field projects so that every "
            "school can start where it is.",
        ],
        "figures": [("6", "continents with partner schools"), ("1", "shared planet")],
    },
    {
        "title": "Sustainable Well-being",
        "slug": "sustainable-well-being",
        "summary": (
            "Schools where children, young people and adults are healthy, safe and able to "
            "flourish, today and in the years ahead."
        ),
        "body": [
            "Well-being is the ground that learning grows in. Partners share practices that "
            "support the physical and mental health of students and staff, from mindful "
            "routines to school meals and green spaces.",
            "We care for the well-being of people and of the environment together: the two "
            "cannot be separated.",
        ],
    },
    {
        "title": "Breaking the Cycle of Poverty",
        "slug": "breaking-the-cycle-of-poverty",
        "summary": (
            "Education that opens doors for every child, whatever their family's income or "
            "where they were born."
        ),
        "body": [
            "Poverty and inequality shape what children can learn and become. Partners work "
            "on access, on the resources schools need, and on programmes that support "
            "families and communities alongside students.",
            "The network promotes policies and programmes that support children, teachers, "
            "families and schools where the need is greatest.",
        ],
    },
    {
        "title": "Global Digital Citizenship",
        "slug": "global-digital-citizenship",
        "summary": (
            "Helping young people use digital tools wisely, safely and kindly, and connect "
            "with peers around the world."
        ),
        "body": [
            "Digital life is part of every young person's life. Partners teach media "
            "literacy, online safety and respectful communication, and use technology to "
            "link classrooms in different countries.",
            "Students who collaborate across borders learn that their questions are shared "
            "and their answers can be too.",
        ],
    },
    {
        "title": "Sustainability and Human Rights",
        "slug": "sustainability-and-human-rights",
        "summary": (
            "Teaching and living the rights of every person, and the link between a fair "
            "society and a healthy planet."
        ),
        "body": [
            "A sustainable world is also a just one. Partners build learning around equity, "
            "inclusion and social justice, and help students see how environmental and human "
            "rights questions meet in their own communities.",
            "Schools practise these values in how they are run, not only in what they teach.",
        ],
    },
]

WHAT_WE_DO = {
    "title": "What we do",
    "slug": "what-we-do",
    "introduction": (
        "All students should have access to public education that offers meaningful "
        "learning and the resources they need to succeed."
    ),
    "body": [
        ("heading", "A network with a deep commitment to public education"),
        (
            "paragraph",
            "<p>Public education is the most effective and equitable way to prepare "
            "generations of youth to live well, contribute to community life, and become "
            "capable and caring citizens who participate in our evolving democracy and "
            "economy.</p>"
            "<p>Right now, the reality we face contradicts our deeply held belief that "
            "meaningful learning should be available to us all. Any remodelled system needs "
            "to unpack historical injustice in order to determine what needs to be different, "
            "while also making meaningful learning possible, based on the science of learning "
            "and child development.</p>"
            "<p>We are a diverse network of individuals and organizations with a deep "
            "commitment to an equitable, high-quality, public education system. The "
            "Partnership promotes policies to strengthen that system and calls attention to "
            "schools that have made learning meaningful, relevant, and available for every "
            "student.</p>",
        ),
        ("heading", "How we work"),
        (
            "paragraph",
            "<ul>"
            "<li>We are developing tools and strategies to advance our Shared Policy "
            "Framework to shift policy by engaging the field both locally and nationally.</li>"
            "<li>We are changing the narrative through shared stories that center the value "
            "of public education.</li>"
            "<li>We are identifying shared system principles and capacities needed at local "
            "and state levels to design better ways to remodel public education systems on "
            "the ground.</li>"
            "<li>We are lifting up powerful places as exemplars of the change we want to see "
            "in three leading states: California, Georgia, and New Hampshire.</li>"
            "</ul>",
        ),
        (
            "quote",
            "Moving together with urgency is the right, necessary, and most important thing "
            "we can do in this moment.",
        ),
        ("heading", "Our work is based on values of"),
        (
            "paragraph",
            "<ul>"
            "<li>Deeper learning that cultivates academic competence, thinking skills, and "
            "commitment to learning and that readies young people for responsible "
            "adulthood;</li>"
            "<li>Student-centered approaches to learning that enable educators and learners "
            "to work together through deeper, personalized, experiential learning;</li>"
            "<li>Resources, conditions, opportunities, and measures of accomplishment that "
            "ensure equitable and inclusive education for all young people;</li>"
            "<li>Schools that reflect and reinforce the centrality of public education to a "
            "healthy and vibrant democracy and promote the practice of democratic skills; "
            "and</li>"
            "<li>Systems in which knowledgeable professionals work together with parents, "
            "local community members, and policymakers with trust, respect, and shared "
            "responsibility to create and sustain schools as collaborative learning "
            "environments.</li>"
            "</ul>",
        ),
    ],
}

DEMO_USERS = [
    # username, password, full name, admin language, groups (none for the administrator)
    ("admin", "demo-admin", ("Alex", "Morgan"), "en", []),
    ("editor", "demo-editor", ("Sam", "Carter"), "en", ["Editors"]),
    ("moderator", "demo-moderator", ("Priya", "Nair"), "en", ["Moderators"]),
    (
        "translator-es",
        "demo-translator",
        ("Lucía", "Fernández"),
        "es",
        ["Translators", "Translators (Español)"],
    ),
    (
        "translator-fr",
        "demo-translator",
        ("Camille", "Dubois"),
        "fr",
        ["Translators", "Translators (Français)"],
    ),
    (
        "translator-ar",
        "demo-translator",
        ("ليلى", "حداد"),
        "ar",
        ["Translators", "Translators (العربية)"],
    ),
]
