#include "ingest/csv/text_encoding.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/errors.hpp"
#include "ingest/source_file.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(NAMND_TEST_FIXTURES) / "csv" / name;
}

// The InputError decodeText throws for bytes, or a failure when it throws none.
InputError decodeError(const std::string& bytes) {
  try {
    decodeText(bytes, "fil.csv");
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, "");
}

bool mentions(const InputError& e, const std::string& part) {
  return std::string(e.what()).find(part) != std::string::npos;
}

TEST(TextEncoding, Utf8IsKeptAsIs) {
  const std::string text = "namn;belopp\nHemtjänst Åby;5\n€ – ok\n";
  const DecodedText decoded = decodeText(text, "fil.csv");
  EXPECT_EQ(decoded.encoding, TextEncoding::Utf8);
  EXPECT_EQ(decoded.utf8, text);
}

TEST(TextEncoding, PureAsciiIsUtf8) {
  EXPECT_EQ(decodeText("a;b\n1;2\n", "fil.csv").encoding, TextEncoding::Utf8);
  EXPECT_EQ(decodeText("", "fil.csv").utf8, "");
}

TEST(TextEncoding, Utf8BomIsRemoved) {
  const DecodedText decoded = decodeText("\xEF\xBB\xBFkonto;belopp\nÖvrigt;1\n", "fil.csv");
  EXPECT_EQ(decoded.encoding, TextEncoding::Utf8WithBom);
  EXPECT_EQ(decoded.utf8, "konto;belopp\nÖvrigt;1\n");
}

TEST(TextEncoding, Windows1252LettersBecomeUtf8) {
  // å ä ö Å Ä Ö € as single Windows-1252 bytes.
  const DecodedText decoded = decodeText("\xE5\xE4\xF6;\xC5\xC4\xD6;\x80;\xE9;\x96\n", "fil.csv");
  EXPECT_EQ(decoded.encoding, TextEncoding::Windows1252);
  EXPECT_EQ(decoded.utf8,
            "\xC3\xA5\xC3\xA4\xC3\xB6;\xC3\x85\xC3\x84\xC3\x96;\xE2\x82\xAC;"
            "\xC3\xA9;\xE2\x80\x93\n");  // åäö;ÅÄÖ;€;é;– in UTF-8
}

TEST(TextEncoding, Utf16BomIsRejected) {
  EXPECT_TRUE(mentions(decodeError(std::string("\xFF\xFEk\0o\0", 6)), "UTF-16"));
  EXPECT_TRUE(mentions(decodeError(std::string("\xFE\xFF\0k\0o", 6)), "UTF-16"));
}

TEST(TextEncoding, NulByteIsRejectedWithItsLine) {
  const InputError e = decodeError(std::string("a;b\n1;2\n3;\0\n", 12));
  EXPECT_EQ(e.where().file, "fil.csv");
  EXPECT_EQ(e.where().line, 3);
}

TEST(TextEncoding, UndefinedWindows1252ByteIsRejectedWithItsLine) {
  const InputError e = decodeError("namn\nK\xF6k\nX\x81Y\n");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_TRUE(mentions(e, "0x81")) << e.what();
  for (const char* bad : {"\x8D", "\x8F", "\x90", "\x9D"})
    EXPECT_THROW(decodeText(std::string("a") + bad, "fil.csv"), InputError) << int(*bad & 0xFF);
}

TEST(TextEncoding, BomWithInvalidUtf8IsRejected) {
  const InputError e = decodeError("\xEF\xBB\xBFnamn\nK\xF6k\n");
  EXPECT_EQ(e.where().line, 2);
}

TEST(TextEncoding, InvalidUtf8SequencesAreReadAsWindows1252) {
  // An overlong "/" (C0 AF) and a lone continuation byte are not UTF-8.
  EXPECT_EQ(decodeText("\xC0\xAF", "fil.csv").utf8, "\xC3\x80\xC2\xAF");
  EXPECT_EQ(decodeText("a\xA0", "fil.csv").utf8, "a\xC2\xA0");
}

TEST(TextEncoding, Names) {
  EXPECT_EQ(encodingName(TextEncoding::Utf8), "UTF-8");
  EXPECT_EQ(encodingName(TextEncoding::Utf8WithBom), "UTF-8 med BOM");
  EXPECT_EQ(encodingName(TextEncoding::Windows1252), "Windows-1252");
}

TEST(TextEncodingFixture, Windows1252FileFromDisk) {
  const SourceFile file =
      readSourceFile(fixture("huvudbok-windows1252.csv"), "huvudbok-windows1252.csv");
  const DecodedText decoded = decodeText(file.bytes, file.displayName);
  EXPECT_EQ(decoded.encoding, TextEncoding::Windows1252);
  EXPECT_EQ(decoded.utf8,
            "Bokföringsperiod;Konto;Ansvarskod;Belopp SEK;Text\r\n"
            "202501;5011;100;1 234,50;Lön år ÅÄÖ\r\n"
            "202502;4010;100;-500,00;€-avgift\r\n");
}

TEST(TextEncodingFixture, Utf8BomFileFromDisk) {
  const SourceFile file = readSourceFile(fixture("huvudbok-utf8-bom.csv"), "bom.csv");
  const DecodedText decoded = decodeText(file.bytes, file.displayName);
  EXPECT_EQ(decoded.encoding, TextEncoding::Utf8WithBom);
  EXPECT_EQ(decoded.utf8, "period;konto;ansvar;belopp\n202503;3011;200;-5\n");
}

TEST(SourceFile, ReadsBytesAndTheirSha256) {
  testing::TempDir dir;
  testing::writeFile(dir / "abc.csv", "abc");
  const SourceFile file = readSourceFile(dir / "abc.csv", "abc.csv");
  EXPECT_EQ(file.displayName, "abc.csv");
  EXPECT_EQ(file.bytes, "abc");
  // FIPS 180-2 test vector for "abc".
  EXPECT_EQ(file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SourceFile, MissingFileIsAnInputError) {
  testing::TempDir dir;
  try {
    readSourceFile(dir / "finns-inte.csv", "finns-inte.csv");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "finns-inte.csv");
  }
}

}  // namespace
}  // namespace namnd
