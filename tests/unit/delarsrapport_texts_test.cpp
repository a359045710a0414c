// The tjänsteskrivelse's generated sentences (O15) and its refusal to output an unfilled field.

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "reports/delarsrapport/delarsrapport_builder.hpp"
#include "reports/delarsrapport/tjansteskrivelse.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const std::string kNbsp = "\xC2\xA0";

class DelarsrapportTexts : public ::testing::Test {
 protected:
  DelarsrapportTexts()
      : texts(ReportTexts::load(testing::repoPath("templates/text/delarsrapport.json"))) {
    config.configPath = "/tmp/namnd.json";
    config.kommun = "Herrljunga kommun";
    config.namnd = "Socialnämnden";
    config.forvaltning = "Socialförvaltningen";
    DelarsrapportSettings& d = config.delarsrapport;
    d.present = true;
    d.handlaggare = "Linn Marinder";
    d.handlaggareTitel = "Controller";
    d.datum = "2022-09-19";
    d.diarienummer = "SN 10/2022 7706";
    d.forslagTillBeslut = {"Socialnämnden godkänner {rapport.gemen}en."};
    d.signers = {{"Linn Marinder", "Controller"}};
  }
  PlaceholderValues values(Period period = Period(2022, 8)) {
    return delarsrapportPlaceholders(config, period, texts);
  }
  std::vector<std::string> sentences(std::int64_t resultat, std::optional<std::int64_t> prognos,
                                     std::int64_t tolerance = 0) {
    return sammanfattningSentences(resultat, prognos, tolerance, texts, values());
  }
  ReportTexts texts;
  RunConfig config;
};

TEST_F(DelarsrapportTexts, OverskottUnderskottAndBudgetIBalans) {
  auto s = sentences(1'887, 0);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Socialnämnden visar ett överskott på 1" + kNbsp +
                      "887 tkr per den siste augusti 2022.");
  EXPECT_EQ(s[1], "Prognosen för helåret visar en budget i balans.");

  s = sentences(-1'887, -4'150);
  EXPECT_EQ(s[0], "Socialnämnden visar ett underskott på 1" + kNbsp +
                      "887 tkr per den siste augusti 2022.");
  EXPECT_EQ(s[1], "Prognosen för helåret visar ett underskott på 4" + kNbsp + "150 tkr.");

  // Within the configured tolerance either way: in balance; just outside it: not.
  s = sentences(-50, 50, 50);
  EXPECT_EQ(s[0], "Socialnämnden visar en budget i balans per den siste augusti 2022.");
  EXPECT_EQ(s[1], "Prognosen för helåret visar en budget i balans.");
  EXPECT_EQ(sentences(51, std::nullopt, 50)[0],
            "Socialnämnden visar ett överskott på 51 tkr per den siste augusti 2022.");
  EXPECT_EQ(sentences(51, std::nullopt, 50)[1], "Ingen prognos för helåret har lämnats.");
}

TEST_F(DelarsrapportTexts, JuneIsAHalvarsrapportAndOtherMonthsADelarsrapport) {
  EXPECT_EQ(values(Period(2022, 6)).at("rapport"), "Halvårsrapport");
  EXPECT_EQ(values(Period(2022, 6)).at("rapport.gemen"), "halvårsrapport");
  EXPECT_EQ(values(Period(2022, 8)).at("rapport"), "Delårsrapport");
  EXPECT_EQ(values(Period(2022, 4)).at("rapport"), "Delårsrapport");
  EXPECT_EQ(values(Period(2024, 2)).at("per.datum"), "2024-02-29");
  EXPECT_EQ(values(Period(2024, 2)).at("foregaende.yymmdd"), "230228");
}

TEST_F(DelarsrapportTexts, FilledTjansteskrivelseHasTheHeaderBlockAndSections) {
  const Tjansteskrivelse ts = buildTjansteskrivelse(config, {"A.", "B."}, texts, values());
  bool dnr = false;
  for (const HeaderField& f : ts.header)
    if (f.label == "Diarienummer") dnr = f.value == "SN 10/2022 7706";
  EXPECT_TRUE(dnr);
  bool forslag = false;
  for (const Section& s : ts.sections)
    if (const auto* t = std::get_if<TextSection>(&s); t && t->id == "ts_forslag")
      forslag =
          t->paragraphs == std::vector<std::string>{"Socialnämnden godkänner delårsrapporten."};
  EXPECT_TRUE(forslag);
}

TEST_F(DelarsrapportTexts, AnUnfilledPlaceholderOrEmptyRequiredFieldIsAConfigError) {
  config.delarsrapport.handlaggare = "Namn {namn}";
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); }),
      {"delarsrapport.handlaggare", "{namn}"}));

  config.delarsrapport.handlaggare = "Linn Marinder";
  config.delarsrapport.expedierasTill = {"Kommunstyrelsen {{senast}}"};
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); }),
      {"delarsrapport.expedieras_till[1]", "klammer"}));

  config.delarsrapport.expedierasTill = {};
  config.delarsrapport.signers = {{"Linn Marinder", " "}};
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); }),
      {"delarsrapport.underskrifter[1].titel", "tom"}));

  config.delarsrapport.signers = {{"Linn Marinder", "Controller"}};
  config.delarsrapport.forslagTillBeslut = {};
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); }),
      {"delarsrapport.forslag_till_beslut"}));

  config.delarsrapport.present = false;
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); }),
      {"\"delarsrapport\" saknas"}));
}

TEST_F(DelarsrapportTexts, TemplateFillerInAPersonsFieldIsAConfigError) {
  // Herrljunga's leaked "Namn namn, titel" and the usual template forms, each in its own field.
  const auto refused = [&](auto change, std::initializer_list<std::string_view> fragments) {
    RunConfig saved = config;
    change(config.delarsrapport);
    const auto error =
        testing::thrown<ConfigError>([&] { buildTjansteskrivelse(config, {}, texts, values()); });
    config = saved;
    return testing::mentions(error, fragments);
  };
  using D = DelarsrapportSettings;
  EXPECT_TRUE(refused(
      [](D& d) {
        d.signers = {{"Namn namn", "titel"}};
      },
      {"delarsrapport.underskrifter[1].namn", "Namn namn", "utfyllnad"}));
  EXPECT_TRUE(refused(
      [](D& d) {
        d.signers = {{"Linn Marinder", "Titel"}};
      },
      {"delarsrapport.underskrifter[1].titel"}));
  EXPECT_TRUE(refused([](D& d) { d.handlaggare = "Förnamn Efternamn"; },
                      {"delarsrapport.handlaggare", "Förnamn Efternamn"}));
  EXPECT_TRUE(refused([](D& d) { d.handlaggare = "XX"; }, {"delarsrapport.handlaggare"}));
  EXPECT_TRUE(
      refused([](D& d) { d.handlaggareTitel = "titel"; }, {"delarsrapport.handlaggare_titel"}));
  EXPECT_TRUE(refused([](D& d) { d.diarienummer = "SN ÅÅÅÅ/XX"; },
                      {"delarsrapport.diarienummer", "diarienummer"}));
  EXPECT_TRUE(
      refused([](D& d) { d.diarienummer = "SN 2025/xxx"; }, {"delarsrapport.diarienummer"}));

  // Real names with the same letters are not filler.
  config.delarsrapport.handlaggare = "Xenia Åberg";
  config.delarsrapport.signers = {{"Åsa Namnsdotter", "Titelansvarig controller"},
                                  {"Max Nilsson", "Socialchef"}};
  config.delarsrapport.diarienummer = "SN 2025/87";
  EXPECT_NO_THROW(buildTjansteskrivelse(config, {}, texts, values()));
  EXPECT_EQ(templateFiller("Namn namn, titel", true), "namn");
  EXPECT_EQ(templateFiller("Namn namn", false), std::nullopt);  // a diarienummer's rules
}

TEST_F(DelarsrapportTexts, ConfigTextsReadRightForTheHalvarAndTheDelar) {
  // One config for both reports: {rapport.gemen}, {per_text} and {datum}.
  config.delarsrapport.forslagTillBeslut = {"{namnd} godkänner {rapport.gemen}en per {per_text}."};
  config.delarsrapport.beslutsunderlag = {"Tjänsteskrivelse daterad {datum}"};
  const auto texts_of = [&](Period period, const std::string& id) {
    const Tjansteskrivelse ts = buildTjansteskrivelse(config, {}, texts, values(period));
    for (const Section& s : ts.sections)
      if (const auto* t = std::get_if<TextSection>(&s); t && t->id == id)
        return t->paragraphs.empty() ? t->bullets : t->paragraphs;
    return std::vector<std::string>{};
  };
  EXPECT_EQ(texts_of(Period(2022, 6), "ts_forslag"),
            std::vector<std::string>{"Socialnämnden godkänner halvårsrapporten per 30 juni 2022."});
  EXPECT_EQ(
      texts_of(Period(2022, 8), "ts_forslag"),
      std::vector<std::string>{"Socialnämnden godkänner delårsrapporten per 31 augusti 2022."});
  EXPECT_EQ(texts_of(Period(2022, 6), "ts_beslutsunderlag"),
            std::vector<std::string>{"Tjänsteskrivelse daterad 2022-09-19"});
}

}  // namespace
}  // namespace namnd
