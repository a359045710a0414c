#include "fuzz_support.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <system_error>
#include <typeinfo>

#include "core/errors.hpp"

namespace namnd::fuzz {
namespace {

struct ScratchDir {
  std::filesystem::path path;
  ScratchDir() {
    path = std::filesystem::temp_directory_path() /
           ("namnd-fuzz-" + std::to_string(static_cast<long>(::getpid())));
    std::filesystem::create_directories(path);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
};

// NAMND_FUZZ_VERBOSE=1 prints every expected error, to see how far seeds get.
Outcome expected(std::string outcome) {
  static const bool verbose = std::getenv("NAMND_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "  %s\n", outcome.c_str());
  return outcome;
}

}  // namespace

void finding(std::string_view harness, std::string_view what) {
  std::fprintf(stderr, "\n== %.*s: FYND: %.*s\n", static_cast<int>(harness.size()), harness.data(),
               static_cast<int>(what.size()), what.data());
  std::fflush(stderr);
  std::abort();
}

Outcome expectTypedErrors(std::string_view harness, const std::function<void()>& body) {
  try {
    body();
    return {};
  } catch (const InputError& e) {
    return expected(std::string("InputError: ") + e.what());
  } catch (const ConfigError& e) {
    return expected(std::string("ConfigError: ") + e.what());
  } catch (const OutputError& e) {
    return expected(std::string("OutputError: ") + e.what());
  } catch (const std::exception& e) {
    finding(harness, std::string("otypat undantag ") + typeid(e).name() + ": " + e.what());
  } catch (...) {
    finding(harness, "okänt undantag (inte std::exception)");
  }
}

const std::filesystem::path& scratchDir() {
  static const ScratchDir dir;
  return dir.path;
}

std::filesystem::path writeScratchFile(const std::string& name, std::string_view bytes) {
  const std::filesystem::path path = scratchDir() / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) finding("fuzz_support", "kan inte skriva " + path.string());
  return path;
}

}  // namespace namnd::fuzz
