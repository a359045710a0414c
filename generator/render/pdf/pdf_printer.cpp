#include "render/pdf/pdf_printer.hpp"

#include <Poco/Exception.h>
#include <Poco/Pipe.h>
#include <Poco/Process.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <system_error>

#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// util-linux's setsid, on every Debian machine.
constexpr const char* kSetsid = "/usr/bin/setsid";

// A fresh, private folder for Chromium's profile, removed with everything in it. Chromium refuses
// to share a profile with a running browser, and a user's own profile must not be touched.
class TemporaryProfile {
 public:
  TemporaryProfile() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "namnd-chromium-XXXXXX").string();
    if (ec || ::mkdtemp(pattern.data()) == nullptr)
      throw OutputError("ingen tillfällig mapp för Chromium kunde skapas i " +
                        fs::temp_directory_path(ec).string() + ", så ingen PDF skrevs");
    path_ = pattern;
  }
  ~TemporaryProfile() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryProfile(const TemporaryProfile&) = delete;
  TemporaryProfile& operator=(const TemporaryProfile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Chromium's messages, of which the last few kilobytes are kept for an error message.
class MessageTail {
 public:
  void append(const char* bytes, std::size_t size) {
    text_.append(bytes, size);
    if (text_.size() > 2 * kKeep) text_.erase(0, text_.size() - kKeep);
  }
  // The last lines, trimmed; empty when Chromium said nothing.
  std::string lastLines() const {
    std::string tail = text_.size() > kKeep / 4 ? text_.substr(text_.size() - kKeep / 4) : text_;
    while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) tail.pop_back();
    return tail;
  }

 private:
  static constexpr std::size_t kKeep = 4096;
  std::string text_;
};

// Reads what is in the pipe now, without blocking; Chromium's children may hold the pipe open
// after Chromium itself has exited, so the pipe's end is never waited for.
// Reads what is there. False once the pipe is at its end (every writer gone).
bool drain(int fd, MessageTail& messages) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      messages.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n != 0;  // nothing more now (EAGAIN), or the end
  }
}

bool startsLikePdf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == 5 && std::string_view(head, 5) == "%PDF-";
}

std::string withMessages(std::string text, const MessageTail& messages) {
  const std::string tail = messages.lastLines();
  if (!tail.empty()) text += ". Chromium skrev:\n" + tail;
  return text;
}

}  // namespace

std::string fileUrl(const fs::path& absolute) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (const char c : absolute.string()) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' ||
                            byte == '_' || byte == '~' || byte == '/';
    if (unreserved) {
      url += c;
    } else {
      url += '%';
      url += kHex[byte >> 4];
      url += kHex[byte & 0x0F];
    }
  }
  return url;
}

std::vector<std::string> chromiumPrintArguments(const fs::path& html, const fs::path& pdf,
                                                const fs::path& profile) {
  return {"--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--no-default-browser-check",
          "--log-level=3",
          "--no-pdf-header-footer",
          "--generate-pdf-document-outline",
          "--user-data-dir=" + profile.string(),
          "--print-to-pdf=" + pdf.string(),
          fileUrl(html)};
}

void printHtmlToPdf(const fs::path& chromium, const fs::path& html, const fs::path& pdf,
                    std::chrono::milliseconds timeout) {
  std::error_code ec;
  const fs::path page = fs::absolute(html, ec);
  if (ec || !fs::is_regular_file(page))
    throw OutputError(pdf.string() + ": sidan " + html.string() + " som ska skrivas ut finns inte");
  AtomicOutputFile output(fs::absolute(pdf, ec));
  const TemporaryProfile profile;

  Poco::Pipe messagesPipe;
  const std::vector<std::string> arguments =
      chromiumPrintArguments(page, output.tempPath(), profile.path());
  // Chromium starts helper processes (zygote, renderer, GPU). Started through setsid it leads a
  // process group of its own, so that a Chromium that hangs is killed with all of them.
  const bool ownGroup = ::access(kSetsid, X_OK) == 0;
  std::vector<std::string> command = arguments;
  if (ownGroup) command.insert(command.begin(), chromium.string());
  Poco::ProcessHandle process = [&] {
    try {
      return Poco::Process::launch(ownGroup ? kSetsid : chromium.string(), command, nullptr,
                                   &messagesPipe, &messagesPipe);
    } catch (const Poco::Exception& e) {
      throw OutputError(pdf.string() + ": Chromium (" + chromium.string() +
                        ") kunde inte startas: " + e.displayText());
    }
  }();
  const int fd = messagesPipe.readHandle();
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  MessageTail messages;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int exitCode = -1;
  bool pipeOpen = true;
  for (;;) {
    // Once the pipe is at its end poll() returns at once: then only wait.
    pollfd ready{fd, POLLIN, 0};
    ::poll(pipeOpen ? &ready : nullptr, pipeOpen ? 1 : 0, 50);
    if (pipeOpen) pipeOpen = drain(fd, messages);
    exitCode = process.tryWait();
    if (exitCode != -1) {
      // Helpers that outlive Chromium would race the profile's removal.
      if (ownGroup) ::kill(-process.id(), SIGKILL);
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      if (ownGroup) ::kill(-process.id(), SIGKILL);
      Poco::Process::kill(process);
      process.wait();
      drain(fd, messages);
      throw OutputError(withMessages(pdf.string() + ": Chromium blev inte klar inom " +
                                         std::to_string((timeout.count() + 999) / 1000) +
                                         " s och avbröts",
                                     messages));
    }
  }
  drain(fd, messages);
  if (exitCode != 0)
    throw OutputError(withMessages(pdf.string() + ": Chromium (" + chromium.string() +
                                       ") avslutades med kod " + std::to_string(exitCode),
                                   messages));
  if (!startsLikePdf(output.tempPath()))
    throw OutputError(
        withMessages(pdf.string() + ": Chromium skrev ingen PDF av " + html.string(), messages));
  output.commit();
}

}  // namespace namnd
