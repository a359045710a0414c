#pragma once
// What every harness shares: the verdict on an exception (the project's typed errors are
// expected answers to bad input; anything else is a finding) and a private scratch folder for
// the readers that take a path.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

// libFuzzer's entry point; also called by replay_main.cpp in the plain (gcc) build.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace namnd::fuzz {

// The outcome of one call: empty when it returned, else the typed error's message.
using Outcome = std::string;

// Runs body. InputError, ConfigError and OutputError are expected and come back as their
// message ("fel: …"); any other exception is a finding: it is printed and the process aborts,
// so libFuzzer (and the replay test) report it with the input that caused it.
Outcome expectTypedErrors(std::string_view harness, const std::function<void()>& body);

// Prints what disagrees and aborts: for the harnesses' own invariants.
[[noreturn]] void finding(std::string_view harness, std::string_view what);

// A folder of this process's own under the system temp folder, created on first use and
// removed at exit.
const std::filesystem::path& scratchDir();

// Writes bytes to scratchDir()/name (replacing it) and returns the path.
std::filesystem::path writeScratchFile(const std::string& name, std::string_view bytes);

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace namnd::fuzz
