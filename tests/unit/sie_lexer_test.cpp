#include "ingest/sie/sie_lexer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace namnd {
namespace {

// Tokens as "W:text", "Q:text" or "O:item|item|…", to compare a whole line at once.
std::vector<std::string> lex(SieLexer& lexer, std::string_view line) {
  EXPECT_TRUE(lexer.tokenize(line)) << lexer.error();
  std::vector<std::string> result;
  for (const SieToken& token : lexer.tokens()) {
    switch (token.kind) {
      case SieTokenKind::Word:
        result.push_back("W:" + std::string(token.text));
        break;
      case SieTokenKind::Quoted:
        result.push_back("Q:" + std::string(token.text));
        break;
      case SieTokenKind::ObjectList: {
        std::string items;
        for (const std::string_view item : lexer.items(token))
          items += (items.empty() ? "" : "|") + std::string(item);
        result.push_back("O:" + items);
        break;
      }
    }
  }
  return result;
}

using Tokens = std::vector<std::string>;

TEST(SieLexer, SplitsBareWordsOnSpacesAndTabs) {
  SieLexer lexer;
  EXPECT_EQ(lex(lexer, "#KONTO 1930\tBank  "), (Tokens{"W:#KONTO", "W:1930", "W:Bank"}));
  EXPECT_EQ(lex(lexer, "   "), Tokens{});
}

TEST(SieLexer, ReadsQuotedStringsWithEscapedQuotesAndBackslashes) {
  SieLexer lexer;
  EXPECT_EQ(lex(lexer, R"(#VER A 1 20250203 "Avgift \"hemtjänst\"" 20250204)"),
            (Tokens{"W:#VER", "W:A", "W:1", "W:20250203", "Q:Avgift \"hemtjänst\"", "W:20250204"}));
  // \\ is one backslash; a backslash before anything else stays as written (paths in #FNR).
  EXPECT_EQ(lex(lexer, R"(#FNR "C:\\data\\" "C:\temp")"),
            (Tokens{"W:#FNR", "Q:C:\\data\\", "Q:C:\\temp"}));
  EXPECT_EQ(lex(lexer, R"(#TRANS 1930 {} -5.00 "" "")"),
            (Tokens{"W:#TRANS", "W:1930", "O:", "W:-5.00", "Q:", "Q:"}));
}

TEST(SieLexer, KeepsEveryEscapedStringOfALineIntact) {
  // Each unescaped string lives in the lexer's buffer; earlier ones must survive later ones.
  SieLexer lexer;
  EXPECT_EQ(lex(lexer, R"("a\"1" "b\"2" {1 "c\"3"} "d\"4")"),
            (Tokens{"Q:a\"1", "Q:b\"2", "O:1|c\"3", "Q:d\"4"}));
}

TEST(SieLexer, ReadsObjectListsQuotedOrBare) {
  SieLexer lexer;
  EXPECT_EQ(lex(lexer, R"(#TRANS 5011 {1 "AN01" 6 "P7"} 2500.00)"),
            (Tokens{"W:#TRANS", "W:5011", "O:1|AN01|6|P7", "W:2500.00"}));
  EXPECT_EQ(lex(lexer, "#TRANS 5420 {1 Nord 6 0001} 1840.00"),
            (Tokens{"W:#TRANS", "W:5420", "O:1|Nord|6|0001", "W:1840.00"}));
  EXPECT_EQ(lex(lexer, R"(#PSALDO 0 202501 5011 {1 "Vård och omsorg"} 1.00)"),
            (Tokens{"W:#PSALDO", "W:0", "W:202501", "W:5011", "O:1|Vård och omsorg", "W:1.00"}));
  EXPECT_EQ(lex(lexer, "#TRANS 1930 { } -1.00"), (Tokens{"W:#TRANS", "W:1930", "O:", "W:-1.00"}));
  EXPECT_EQ(lex(lexer, "#TRANS 1930 {1 100}-1.00"),
            (Tokens{"W:#TRANS", "W:1930", "O:1|100", "W:-1.00"}));
}

TEST(SieLexer, ObjectListTokenKeepsItsRawText) {
  SieLexer lexer;
  ASSERT_TRUE(lexer.tokenize(R"(x {1 "100"  6 P7})"));
  ASSERT_EQ(lexer.tokens().size(), 2u);
  EXPECT_EQ(lexer.tokens()[1].text, R"(1 "100"  6 P7)");
}

TEST(SieLexer, RefusesUnclosedQuotesAndObjectLists) {
  SieLexer lexer;
  EXPECT_FALSE(lexer.tokenize(R"(#FNAMN "Kommunen)"));
  EXPECT_NE(lexer.error().find("citattecknet"), std::string_view::npos);
  EXPECT_FALSE(lexer.tokenize(R"(#FNAMN "Kommunen\")"));  // the quote is escaped
  EXPECT_FALSE(lexer.tokenize(R"(#TRANS 1930 {1 "100" -5.00)"));
  EXPECT_NE(lexer.error().find("objektlistan"), std::string_view::npos);
  EXPECT_FALSE(lexer.tokenize(R"(#TRANS 1930 {1 {6 P7}} -5.00)"));
  EXPECT_FALSE(lexer.tokenize(R"(#TRANS 1930 {1 "100} -5.00)"));
  // The lexer is usable again after an error.
  EXPECT_EQ(lex(lexer, "#SIETYP 4"), (Tokens{"W:#SIETYP", "W:4"}));
}

TEST(SieLexer, HandlesTenMegabyteLines) {
  SieLexer lexer;
  const std::string text(10'000'000, 'x');
  const std::string quoted = "#PROSA \"" + text + "\\\"\"";
  ASSERT_TRUE(lexer.tokenize(quoted));
  ASSERT_EQ(lexer.tokens().size(), 2u);
  EXPECT_EQ(lexer.tokens()[1].text.size(), text.size() + 1);
  EXPECT_EQ(lexer.tokens()[1].text.back(), '"');
  EXPECT_FALSE(lexer.tokenize("#PROSA \"" + text));
}

}  // namespace
}  // namespace namnd
