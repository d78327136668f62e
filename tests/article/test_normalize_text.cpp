#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eventgraph/article/normalize.hpp"
#include "eventgraph/error.hpp"

using eventgraph::input_error;
using eventgraph::article::normalize_text_page;
using eventgraph::model::Article;
using eventgraph::model::ParagraphRole;

namespace {

std::string page_path(const std::string& name) {
    return std::string(EVENTGRAPH_TEST_DATA) + "/pages/" + name;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<Article> normalize_fixture(const std::string& name, const std::string& id) {
    const std::string path = page_path(name);
    return normalize_text_page(slurp(path), id, path);
}

std::vector<std::string> texts(const Article& a, ParagraphRole role) {
    std::vector<std::string> out;
    for (const auto& p : a.paragraphs)
        if (p.role == role) out.push_back(p.text);
    return out;
}

// True if some paragraph of any article holds the text.
bool anywhere(const std::vector<Article>& articles, const std::string& needle) {
    for (const auto& a : articles) {
        if (a.title.find(needle) != std::string::npos) return true;
        for (const auto& p : a.paragraphs)
            if (p.text.find(needle) != std::string::npos) return true;
    }
    return false;
}

std::string iso(const Article& a) {
    return a.published ? eventgraph::model::to_iso(*a.published) : "none";
}

const std::string seed_id = "seed-china-russia-2024-09-10";

}  // namespace

TEST_CASE("the seed page gives its main article first with title, author and date") {
    const auto articles = normalize_fixture(seed_id + ".txt", seed_id);
    REQUIRE(articles.size() == 5);
    const Article& main = articles[0];
    CHECK(main.id == seed_id);
    CHECK(main.parent.empty());
    CHECK(main.title ==
          "China supplies Russia's war machine, receives military tech in exchange, US says");
    CHECK(main.authors == std::vector<std::string>{"Elsa Court"});
    CHECK(iso(main) == "2024-09-10T19:59:00");
}

TEST_CASE("the seed page's photo caption is a caption paragraph before the body") {
    const auto main = normalize_fixture(seed_id + ".txt", seed_id).at(0);
    REQUIRE_FALSE(main.paragraphs.empty());
    CHECK(main.paragraphs[0].role == ParagraphRole::caption);
    const auto captions = texts(main, ParagraphRole::caption);
    REQUIRE(captions.size() == 1);
    CHECK(captions[0].starts_with("An airport expressway is decorated"));
    CHECK(captions[0].ends_with("(Chen Boyuan/VCG via Getty Images)"));
}

TEST_CASE("the seed page's body is its eleven paragraphs in order, without the teasers") {
    const auto main = normalize_fixture(seed_id + ".txt", seed_id).at(0);
    const auto body = texts(main, ParagraphRole::body);
    REQUIRE(body.size() == 11);
    CHECK(body[0].starts_with("China is supplying Russia with materials"));
    CHECK(body[5].starts_with("The U.S. is also concerned"));
    CHECK(body[6].starts_with("A growing collaboration between China and Russia"));
    CHECK(body[10] ==
          "Beijing described the statement as \"provocative\" and claimed to have never provided "
          "lethal weapons.");
    CHECK(texts(main, ParagraphRole::teaser).empty());
    CHECK(texts(main, ParagraphRole::feed).empty());
}

TEST_CASE("the seed page's furniture is in no article") {
    const auto articles = normalize_fixture(seed_id + ".txt", seed_id);
    for (const std::string furniture :
         {"Skip to content", "Edit post", "min read", "This audio is created", "indicates required",
          "Subscribe", "News Feed", "MORE NEWS", "Editors' Picks", "Explaining Ukraine",
          "subscribed", "Thank you for signing up", "enter correct email"}) {
        INFO(furniture);
        CHECK_FALSE(anywhere(articles, furniture));
    }
}

TEST_CASE("the seed page's teasers become articles of their own") {
    const auto articles = normalize_fixture(seed_id + ".txt", seed_id);
    REQUIRE(articles.size() == 5);
    const Article& t1 = articles[1];
    CHECK(t1.id == seed_id + "#teaser-1");
    CHECK(t1.parent == seed_id);
    CHECK(t1.title ==
          "Putin delays new mobilization, despite Kursk incursion exposing troop shortages");
    REQUIRE(t1.paragraphs.size() == 1);
    CHECK(t1.paragraphs[0].role == ParagraphRole::teaser);
    CHECK(t1.paragraphs[0].text.starts_with("Amid speculation that the Kremlin"));
    CHECK(t1.paragraphs[0].text.ends_with("Constituti\xE2\x80\xA6"));
    CHECK(t1.feed_time.empty());

    const Article& t2 = articles[2];
    CHECK(t2.id == seed_id + "#teaser-2");
    CHECK(t2.title == "Chinese banks curb Russian transactions as US sanctions bite");
    REQUIRE(t2.paragraphs.size() == 1);
    CHECK(t2.paragraphs[0].text.starts_with("Chinese banks are shutting down transactions"));
}

TEST_CASE("the seed page's news-feed items become articles with their shown time") {
    const auto articles = normalize_fixture(seed_id + ".txt", seed_id);
    REQUIRE(articles.size() == 5);
    const Article& f1 = articles[3];
    CHECK(f1.id == seed_id + "#feed-1");
    CHECK(f1.parent == seed_id);
    CHECK(f1.feed_time == "02:27");
    CHECK(f1.title == "Russia's strike on Sumy Oblast kills 2.");
    REQUIRE(f1.paragraphs.size() == 1);
    CHECK(f1.paragraphs[0].role == ParagraphRole::feed);
    CHECK(f1.paragraphs[0].text.starts_with("Russia attacked the Esman community"));
    CHECK_FALSE(f1.published);

    const Article& f2 = articles[4];
    CHECK(f2.id == seed_id + "#feed-2");
    CHECK(f2.feed_time == "15:20");
    CHECK(f2.title == "Cuba asks to join BRICS as partner country in letter to Putin.");
    REQUIRE(f2.paragraphs.size() == 1);
    CHECK(f2.paragraphs[0].text.ends_with("shared by the ministry's official account."));
}

TEST_CASE("a wire-service page gives title, two authors, the time-first date and the AP caption") {
    const auto articles = normalize_fixture("wire-kyiv-drones-2024-03-04.txt", "wire");
    REQUIRE(articles.size() == 1);
    const Article& a = articles[0];
    CHECK(a.title == "Russian drones hit Kyiv energy sites as Ukraine pleads for more air defense");
    CHECK(a.authors == std::vector<std::string>{"Jane Doe", "John Roe"});
    CHECK(iso(a) == "2024-03-04T15:05:00+02:00");
    const auto captions = texts(a, ParagraphRole::caption);
    REQUIRE(captions.size() == 1);
    CHECK(captions[0].ends_with("(AP Photo/Efrem Lukatsky)"));
}

TEST_CASE("a wire-service page's body keeps the dateline and drops ads, rules and related links") {
    const auto articles = normalize_fixture("wire-kyiv-drones-2024-03-04.txt", "wire");
    const auto body = texts(articles.at(0), ParagraphRole::body);
    REQUIRE(body.size() == 7);
    CHECK(body[0].starts_with("KYIV, Ukraine (AP) \xE2\x80\x94 Russian drones struck"));
    CHECK(body[6] ==
          "Associated Press writer Anna Poe in Tallinn, Estonia, contributed to this report.");
    for (const std::string furniture :
         {"Advertisement", "___", "Follow AP's coverage", "All rights reserved", "RELATED COVERAGE",
          "patrol ship", "Most Read", "Super Tuesday", "AP Logo", "Sign In", "Politics"}) {
        INFO(furniture);
        CHECK_FALSE(anywhere(articles, furniture));
    }
}

TEST_CASE("a newspaper page is found below its masthead date, with standfirst and Photo: caption") {
    const auto articles = normalize_fixture("ledger-grain-corridor-2024-09-10.txt", "ledger");
    REQUIRE(articles.size() == 1);
    const Article& a = articles[0];
    CHECK(a.title ==
          "Ukraine's grain corridor has its best month since the invasion despite drone attacks "
          "on Odesa");
    CHECK(a.authors == std::vector<std::string>{"Maria Keller"});
    CHECK(iso(a) == "2024-09-10T14:30:00+01:00");
    REQUIRE(a.paragraphs.size() >= 3);
    CHECK(a.paragraphs[0].role == ParagraphRole::body);
    CHECK(a.paragraphs[0].text.starts_with("Exports through the Black Sea route"));
    CHECK(a.paragraphs[1].role == ParagraphRole::caption);
    CHECK(a.paragraphs[1].text.ends_with("Photo: Anna Smith/Reuters"));
}

TEST_CASE("a newspaper page's body ends at its related articles and leaves out the comments") {
    const auto articles = normalize_fixture("ledger-grain-corridor-2024-09-10.txt", "ledger");
    const auto body = texts(articles.at(0), ParagraphRole::body);
    REQUIRE(body.size() == 8);
    CHECK(body[1].starts_with("Ukraine shipped 6.2 million tonnes"));
    CHECK(body[4] == "Insurers and shippers");  // a subheading stays with its section
    CHECK(body[7].starts_with("Turkey, which brokered the old deal"));
    for (const std::string furniture :
         {"Black Sea Ledger", "Home | World", "Share", "Copy link", "min read", "Read more",
          "Related articles", "Odesa port workers", "Comments", "olena_k", "Great reporting",
          "Insurance is the real story", "Reply", "morning briefing", "Privacy policy"}) {
        INFO(furniture);
        CHECK_FALSE(anywhere(articles, furniture));
    }
}

TEST_CASE("a page of nothing but furniture is refused, naming the file") {
    const std::string page =
        "Skip to content\nMenu\nSubscribe\n* indicates required\nAdvertisement\nPrivacy policy\n";
    try {
        normalize_text_page(page, "empty", "pages/empty.txt");
        FAIL("no error thrown");
    } catch (const input_error& e) {
        CHECK(e.file() == "pages/empty.txt");
        CHECK(std::string(e.what()).starts_with("pages/empty.txt: no recognisable article"));
    }
}

TEST_CASE("a page of one short line or of nothing is refused") {
    CHECK_THROWS_AS(normalize_text_page("Breaking news\n", "p", "one.txt"), input_error);
    CHECK_THROWS_AS(normalize_text_page("", "p", "blank.txt"), input_error);
    CHECK_THROWS_WITH(normalize_text_page("\n\n  \n", "p", "blank.txt"),
                      Catch::StartsWith("blank.txt: no recognisable article"));
}

TEST_CASE("a page that is not UTF-8 text is refused at its line") {
    CHECK_THROWS_WITH(normalize_text_page("Title line\nbad \xFF byte\n", "p", "bad.txt"),
                      "bad.txt:2: invalid UTF-8");
    CHECK_THROWS_AS(normalize_text_page(std::string("PK\x03\x04\0\0", 6), "p", "zip.txt"),
                    input_error);
}

TEST_CASE("a page without a byline still gives its headline and paragraphs") {
    const std::string page =
        "Menu\n"
        "Share\n"
        "Ceasefire talks resume in Doha as mediators press both sides\n"
        "Negotiators returned to Doha on Monday for a new round of talks, officials from two "
        "of the mediating countries said, after a week in which both sides traded accusations.\n"
        "Advertisement\n"
        "The talks are expected to last at least three days, the officials said.\n"
        "Read more\n";
    const auto articles = normalize_text_page(page, "doha", "doha.txt");
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "Ceasefire talks resume in Doha as mediators press both sides");
    CHECK(articles[0].authors.empty());
    CHECK_FALSE(articles[0].published);
    CHECK(texts(articles[0], ParagraphRole::body).size() == 2);
}

TEST_CASE("Windows line ends and bylines in capitals with roles are read") {
    const std::string page =
        "Envoys meet in Ankara to discuss prisoner exchange\r\n"
        "By AHMET YILMAZ and Sofia de la Cruz, Staff Reporters | 5 min read\r\n"
        "\r\n"
        "Envoys from both countries met in Ankara on Thursday to discuss an exchange of "
        "prisoners, Turkey's foreign ministry said.\r\n";
    const auto articles = normalize_text_page(page, "ankara", "ankara.txt");
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "Envoys meet in Ankara to discuss prisoner exchange");
    CHECK(articles[0].authors == std::vector<std::string>{"Ahmet Yilmaz", "Sofia de la Cruz"});
    CHECK(texts(articles[0], ParagraphRole::body).size() == 1);
}

TEST_CASE("a regional page with an Author: line and a dotted date gives its article") {
    const auto articles = normalize_fixture("regional-kharkiv-power-2024-10-08.txt", "kh");
    REQUIRE(articles.size() == 4);
    const Article& a = articles[0];
    CHECK(a.title == "Kharkiv power restored after overnight strike on substation, governor says");
    CHECK(a.authors == std::vector<std::string>{"Iryna Bondar"});
    CHECK(iso(a) == "2024-10-08T09:12:00");
    const auto body = texts(a, ParagraphRole::body);
    REQUIRE(body.size() == 4);
    CHECK(body[0].starts_with("Power has been restored"));
    CHECK(body[3].starts_with("Russia's Defense Ministry did not comment"));
    for (const std::string furniture : {"Views", "Listen to article", "Latest news", "Tags",
                                        "Energy", "Russian strikes", "Kharkiv Today", "Culture"}) {
        INFO(furniture);
        CHECK_FALSE(anywhere(articles, furniture));
    }
}

TEST_CASE("a teaser cut with three dots and a feed of 24-hour times come out on their own") {
    const auto articles = normalize_fixture("regional-kharkiv-power-2024-10-08.txt", "kh");
    REQUIRE(articles.size() == 4);
    CHECK(articles[1].id == "kh#teaser-1");
    CHECK(articles[1].title == "Kharkiv hit by guided bombs for third day in a row");
    CHECK(articles[1].paragraphs.at(0).text.ends_with("worked through the..."));
    CHECK(articles[2].id == "kh#feed-1");
    CHECK(articles[2].feed_time == "21:40");
    CHECK(articles[2].title == "Zelensky meets Croatian president in Dubrovnik");
    CHECK(articles[3].id == "kh#feed-2");
    CHECK(articles[3].feed_time == "19:05");
    CHECK(articles[3].paragraphs.at(0).text.starts_with("Local media reported"));
    CHECK(articles[3].paragraphs.at(0).role == ParagraphRole::feed);
}

TEST_CASE("a paragraph that merely mentions subscribing or a time is kept in the body") {
    const std::string page =
        "Telegram channels gain readers as war news moves online\n"
        "By Ann Poe\n"
        "Published 2 May 2024\n"
        "More than two million people subscribed to the channel in a month, its editors said, "
        "and many of them read it at night.\n"
        "The channel posts its first update at 6:30 every morning, before the national broadcaster "
        "goes on air.\n";
    const auto articles = normalize_text_page(page, "tg", "tg.txt");
    REQUIRE(articles.size() == 1);
    CHECK(iso(articles[0]) == "2024-05-02");
    CHECK(texts(articles[0], ParagraphRole::body).size() == 2);
}

TEST_CASE("a date printed above the headline is the article's date") {
    const std::string page =
        "World\n"
        "September 10, 2024\n"
        "China and Russia hold joint naval drills in the Sea of Japan\n"
        "China and Russia began joint naval exercises in the Sea of Japan on Tuesday, the Chinese "
        "defense ministry said, the latest in a series of drills between the two navies.\n";
    const auto articles = normalize_text_page(page, "drills", "drills.txt");
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].title == "China and Russia hold joint naval drills in the Sea of Japan");
    CHECK(iso(articles[0]) == "2024-09-10");
    CHECK(texts(articles[0], ParagraphRole::body).size() == 1);
}

TEST_CASE("a time on the line below the byline's date is the publication time, not a feed item") {
    const std::string page =
        "China and Russia hold joint naval drills in the Sea of Japan\n"
        "By Elsa Court\n"
        "September 10, 2024\n"
        "7:59 PM\n"
        "China and Russia began joint naval exercises in the Sea of Japan on Tuesday, the Chinese "
        "defense ministry said.\n";
    const auto articles = normalize_text_page(page, "drills", "drills.txt");
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].authors == std::vector<std::string>{"Elsa Court"});
    CHECK(iso(articles[0]) == "2024-09-10T19:59:00");
    CHECK(texts(articles[0], ParagraphRole::body).size() == 1);
}
