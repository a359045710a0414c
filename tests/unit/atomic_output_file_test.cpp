#include "render/atomic_output_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::entriesIn;
using testing::readFile;
using testing::writeFile;

class AtomicOutputFileTest : public ::testing::Test {
 protected:
  testing::TempDir dir_;
};

TEST_F(AtomicOutputFileTest, CommitRenamesTheTempFileOverTheTarget) {
  const fs::path target = dir_ / "rapport.html";
  {
    AtomicOutputFile out(target);
    EXPECT_EQ(out.tempPath().parent_path(), dir_.path());  // same folder: rename stays atomic
    EXPECT_NE(out.tempPath(), target);
    out.write("<p>Hej</p>");
    EXPECT_FALSE(fs::exists(target));  // nothing visible before commit
    out.commit();
    EXPECT_FALSE(fs::exists(out.tempPath()));
  }
  EXPECT_EQ(readFile(target), "<p>Hej</p>");
  EXPECT_EQ(entriesIn(dir_.path()), 1);
}

TEST_F(AtomicOutputFileTest, WithoutCommitNothingIsLeftBehind) {
  const fs::path target = dir_ / "rapport.xlsx";
  {
    AtomicOutputFile out(target);
    out.write("halvfärdig");
    EXPECT_TRUE(fs::exists(out.tempPath()));
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(entriesIn(dir_.path()), 0);
}

TEST_F(AtomicOutputFileTest, WithoutCommitAnExistingTargetIsUntouched) {
  const fs::path target = dir_ / "rapport.html";
  writeFile(target, "förra körningen");
  {
    AtomicOutputFile out(target);
    out.write("ny men avbruten");
  }
  EXPECT_EQ(readFile(target), "förra körningen");
  EXPECT_EQ(entriesIn(dir_.path()), 1);
}

TEST_F(AtomicOutputFileTest, CommitReplacesAnExistingTarget) {
  const fs::path target = dir_ / "rapport.html";
  writeFile(target, "gammal");
  AtomicOutputFile out(target);
  out.write("ny");
  EXPECT_EQ(readFile(target), "gammal");
  out.commit();
  EXPECT_EQ(readFile(target), "ny");
  EXPECT_EQ(entriesIn(dir_.path()), 1);
}

TEST_F(AtomicOutputFileTest, CreatesMissingFolders) {
  const fs::path target = dir_ / "2025" / "oktober" / "rapport.html";
  AtomicOutputFile out(target);
  out.write("x");
  out.commit();
  EXPECT_EQ(readFile(target), "x");
}

TEST_F(AtomicOutputFileTest, AFileCanBeWrittenByALibraryThroughTheTempPath) {
  const fs::path target = dir_ / "rapport.xlsx";
  AtomicOutputFile out(target);
  writeFile(out.tempPath(), "skrivet av någon annan");
  out.commit();
  EXPECT_EQ(readFile(target), "skrivet av någon annan");
}

TEST_F(AtomicOutputFileTest, CommitWithoutContentFailsAndKeepsTheTarget) {
  const fs::path target = dir_ / "rapport.html";
  writeFile(target, "gammal");
  AtomicOutputFile out(target);
  EXPECT_THROW(out.commit(), OutputError);
  EXPECT_EQ(readFile(target), "gammal");
}

TEST_F(AtomicOutputFileTest, AFolderThatCannotBeCreatedIsAnOutputErrorNamingIt) {
  writeFile(dir_ / "upptagen", "en fil, ingen mapp");
  const fs::path target = dir_ / "upptagen" / "rapport.html";
  const auto error = testing::thrown<OutputError>([&] { AtomicOutputFile out(target); });
  EXPECT_TRUE(testing::mentions(error, {(dir_ / "upptagen").string()}));
}

TEST_F(AtomicOutputFileTest, TwoWritersOfTheSameTargetUseDifferentTempFiles) {
  const fs::path target = dir_ / "rapport.html";
  AtomicOutputFile first(target);
  AtomicOutputFile second(target);
  EXPECT_NE(first.tempPath(), second.tempPath());
}

}  // namespace
}  // namespace namnd
