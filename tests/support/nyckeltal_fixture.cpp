#include "support/nyckeltal_fixture.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "support/test_support.hpp"

namespace namnd::testing {

std::string nyckeltalFixtureConfig(const NyckeltalFixtureFiles& files) {
  return R"({
  "kommun": "Herrljunga kommun",
  "namnd": "Socialnämnden",
  "forvaltning": "Socialförvaltningen",
  "forfattare": "Testfall nyckeltal",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" +
         repoPath("templates").string() + R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Område", "Ansvar"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": )" +
         files.huvudbok + R"(,
  "budget": )" +
         files.budget +
         R"(,
  "prognos": ["prognos-2021.csv"],
  "hr": )" +
         files.hr +
         R"(,
  "personal": {"arsarbetstid_timmar": 1700, "kostnad_per_arsarbetare_kr": 600000},
  )" + files.topLevel +
         R"(
  "nyckeltal": {"katalog": "egna-nyckeltal.json", "volymer": "volymer.csv")" +
         files.nyckeltalKeys + R"(}
})";
}

NyckeltalLongFormat readNyckeltalLongFormat(const std::string& csv) {
  NyckeltalLongFormat values;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "kommun;period;id;org;v\xC3\xA4rde");
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream split(line);
    std::string field;
    while (std::getline(split, field, ';')) fields.push_back(field);
    if (line.ends_with(';')) fields.push_back("");
    EXPECT_EQ(fields.size(), 5u) << line;
    if (fields.size() != 5) continue;
    EXPECT_EQ(fields[0], "Herrljunga kommun");
    values[{fields[1], fields[2], fields[3]}] = fields[4];
  }
  return values;
}

}  // namespace namnd::testing
