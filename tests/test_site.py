"""A newcomer's first look: the home page states the mission and leads to six key areas."""

import pytest

from home.models import KeyAreaPage
from tests.html import parse, text

pytestmark = pytest.mark.django_db


def test_root_redirects_to_english_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_the_visitors_language(client):
    response = client.get("/", headers={"accept-language": "ar,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_home_page_states_the_mission(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    document = parse(response.content)
    page_text = text(document.find(".//main"))
    assert home.mission in page_text
    assert home.vision in page_text
    for heading in ("Who we are", "Our vision", "Our objectives", "Core values", "Key areas"):
        assert heading in page_text
    objectives = document.findall(".//ol[@class='objectives']/li")
    assert len(objectives) == 6
    values = [text(title) for title in document.iterfind(".//li[@class='card value']/h3")]
    assert values == ["Leadership", "Care", "Innovation", "Collaboration", "Service"]


def test_home_page_links_to_six_key_areas_that_render(client):
    document = parse(client.get("/en/").content)
    links = document.findall(".//ul[@class='card-grid key-areas']//h3/a")
    assert [text(link) for link in links] == [
        "Sustainable Leadership",
        "Climate Change and Nature Education",
        "Sustainable Well-being",
        "Breaking the Cycle of Poverty",
        "Global Digital Citizenship",
        "Sustainability and Human Rights",
    ]
    for link in links:
        response = client.get(link.get("href"))
        assert response.status_code == 200
        assert text(parse(response.content).find(".//h1")) == text(link)


def test_key_area_index_lists_only_live_key_areas(client, key_area):
    key_area.unpublish()
    document = parse(client.get("/en/key-areas/").content)
    titles = [text(link) for link in document.iterfind(".//ul[@class='card-grid key-areas']//a")]
    assert len(titles) == KeyAreaPage.objects.live().filter(locale=key_area.locale).count() == 5
    assert key_area.title not in titles


def test_what_we_do_page_renders_its_body(client):
    response = client.get("/en/what-we-do/")
    assert response.status_code == 200
    document = parse(response.content)
    assert text(document.find(".//h1")) == "What we do"
    headings = [text(h2) for h2 in document.iterfind(".//div[@class='stream prose']/h2")]
    assert "A network with a deep commitment to public education" in headings
    assert "California, Georgia, and New Hampshire" in text(document.find(".//main"))


def test_header_and_footer_come_from_site_settings(client):
    document = parse(client.get("/en/").content)
    nav = [text(link) for link in document.iterfind(".//nav[@class='site-nav']//a")]
    assert nav == ["What we do", "Key areas", "Stories", "Media gallery", "Alliances", "Search"]
    social = [text(link) for link in document.iterfind(".//ul[@class='social-links']//a")]
    assert social == ["Facebook", "YouTube", "LinkedIn"]
    assert document.find(".//a[@class='skip-link']").get("href") == "#main"
    assert document.find(".//main").get("id") == "main"


def test_admin_accepts_the_demo_administrator(client):
    assert client.login(username="admin", password="demo-admin")
    response = client.get("/admin/")
    assert response.status_code == 200


def test_admin_refuses_a_wrong_password(client):
    assert not client.login(username="admin", password="wrong")
    assert client.get("/admin/").status_code == 302
