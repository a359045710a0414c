#include "ingest/xlsx/zip_package.hpp"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <optional>
#include <unordered_map>

#include "core/errors.hpp"
#include "ingest/xlsx/bounded_inflate_buffer.hpp"

namespace namnd {
namespace {

// A seekable read-only view of bytes held in memory (Poco::Zip seeks between entries).
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::shared_ptr<const std::string> bytes) : bytes_(std::move(bytes)) {
    char* begin = const_cast<char*>(bytes_->data());  // never written: no overflow/pbackfail
    setg(begin, begin, begin + bytes_->size());
  }

 protected:
  pos_type seekoff(off_type offset, std::ios_base::seekdir dir,
                   std::ios_base::openmode which) override {
    if (!(which & std::ios_base::in)) return pos_type(off_type(-1));
    const off_type size = egptr() - eback();
    const off_type base = dir == std::ios_base::beg   ? 0
                          : dir == std::ios_base::cur ? gptr() - eback()
                                                      : size;
    const off_type target = base + offset;
    if (target < 0 || target > size) return pos_type(off_type(-1));
    setg(eback(), eback() + target, egptr());
    return pos_type(target);
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }

 private:
  std::shared_ptr<const std::string> bytes_;
};

class MemoryStream : public std::istream {
 public:
  explicit MemoryStream(std::shared_ptr<const std::string> bytes)
      : std::istream(nullptr), buffer_(std::move(bytes)) {
    rdbuf(&buffer_);
  }

 private:
  MemoryBuffer buffer_;
};

// OPC part names compare case-insensitively; some zip tools write "\" as separator.
std::string normalisedPartName(std::string_view name) {
  if (!name.empty() && name.front() == '/') name.remove_prefix(1);
  std::string key(name);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\\') c = '/';
  }
  return key;
}

std::string describeBytes(std::uint64_t bytes) {
  if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes >> 10) + " KiB";
}

enum class Signature { Zip, EmptyZip, OleCompound, Other };

Signature readSignature(std::istream& in) {
  std::array<char, 4> head{};
  in.read(head.data(), head.size());
  const bool complete = in.gcount() == static_cast<std::streamsize>(head.size());
  in.clear();
  in.seekg(0);
  if (!complete) return Signature::Other;
  if (std::memcmp(head.data(), "PK\x03\x04", 4) == 0) return Signature::Zip;
  if (std::memcmp(head.data(), "PK\x05\x06", 4) == 0) return Signature::EmptyZip;
  if (std::memcmp(head.data(), "\xD0\xCF\x11\xE0", 4) == 0) return Signature::OleCompound;
  return Signature::Other;
}

// Every complete zip ends with an end-of-central-directory record (22 bytes plus a comment of
// at most 64 KiB). Poco stops quietly at end of file, so a cut-off file is caught here.
bool endsWithCentralDirectory(std::istream& in, std::uint64_t size) {
  constexpr std::uint64_t kRecordBytes = 22;
  constexpr std::uint64_t kMaxTail = kRecordBytes + 0xFFFF;
  if (size < kRecordBytes) return false;
  const std::uint64_t tailBytes = std::min(size, kMaxTail);
  std::string tail(tailBytes, '\0');
  in.clear();
  in.seekg(static_cast<std::streamoff>(size - tailBytes));
  in.read(tail.data(), static_cast<std::streamsize>(tailBytes));
  const bool complete = in.gcount() == static_cast<std::streamsize>(tailBytes);
  in.clear();
  in.seekg(0);
  const std::size_t record = tail.rfind(std::string_view("PK\x05\x06", 4));
  return complete && record != std::string::npos && record + kRecordBytes <= tail.size();
}

}  // namespace

struct ZipPackage::Impl {
  struct Entry {
    std::string storedName;
    std::uint64_t compressedBytes = 0;
  };

  std::string displayName;
  ZipLimits limits;
  std::function<std::unique_ptr<std::istream>()> openStream;
  std::uint64_t archiveBytes = 0;
  std::optional<Poco::Zip::ZipArchive> archive;
  std::unordered_map<std::string, Entry> entries;  // by normalisedPartName

  InputError error(const std::string& reason) const { return InputError({displayName}, reason); }

  std::unique_ptr<std::istream> open() const {
    std::unique_ptr<std::istream> in = openStream();
    if (!in || !*in) throw error("filen kan inte öppnas för läsning");
    return in;
  }

  void index();
  const Entry& entry(std::string_view partName) const;
  InputError entryFault(std::string_view partName, const BoundedInflateBuffer& buffer) const;
};

void ZipPackage::Impl::index() {
  std::unique_ptr<std::istream> in = open();
  switch (readSignature(*in)) {
    case Signature::Zip:
      break;
    case Signature::EmptyZip:
      throw error("zip-arkivet är tomt, det är ingen xlsx-arbetsbok");
    case Signature::OleCompound:
      throw error(
          "filen är inte en xlsx-arbetsbok: den är antingen lösenordsskyddad eller i det gamla "
          ".xls-formatet. Spara den som .xlsx utan lösenord");
    case Signature::Other:
      throw error("filen är inte en xlsx-arbetsbok (den är ingen zip-fil)");
  }
  if (!endsWithCentralDirectory(*in, archiveBytes)) {
    throw error("zip-arkivet är ofullständigt eller skadat (slutet av filen saknas)");
  }
  try {
    archive.emplace(*in);
  } catch (const Poco::Exception& e) {
    throw error("zip-arkivet är skadat och kan inte läsas (" + e.displayText() + ")");
  }

  // Index by the central directory (the authoritative list), each entry with its local header.
  for (auto it = archive->fileInfoBegin(); it != archive->fileInfoEnd(); ++it) {
    const Poco::Zip::ZipFileInfo& info = it->second;
    // Before isDirectory(), which reads the name's last character even when there is none.
    if (info.getFileName().empty()) throw error("zip-arkivet är skadat: en post saknar namn");
    if (info.isDirectory()) continue;
    if (archive->findHeader(info.getFileName()) == archive->headerEnd()) {
      throw error("zip-arkivet är skadat: posten " + info.getFileName() + " saknar sitt huvud");
    }
    // A declared size larger than the file is a lie; the file size bounds the ratio honestly.
    const std::uint64_t compressed =
        std::min<std::uint64_t>(info.getCompressedSize(), archiveBytes);
    entries[normalisedPartName(info.getFileName())] = Entry{info.getFileName(), compressed};
  }
  if (entries.empty()) {
    throw error("zip-arkivet är ofullständigt eller skadat (innehållsförteckningen saknas)");
  }
}

const ZipPackage::Impl::Entry& ZipPackage::Impl::entry(std::string_view partName) const {
  const auto it = entries.find(normalisedPartName(partName));
  if (it == entries.end()) {
    throw error("arbetsboken saknar delen " + std::string(partName));
  }
  return it->second;
}

InputError ZipPackage::Impl::entryFault(std::string_view partName,
                                        const BoundedInflateBuffer& buffer) const {
  const std::string part(partName);
  switch (buffer.fault()) {
    case BoundedInflateBuffer::Fault::TooLarge:
      return error("delen " + part + " blir större än " + describeBytes(limits.maxEntryBytes) +
                   " uppackad; filen avvisas som skydd mot zip-bomber");
    case BoundedInflateBuffer::Fault::RatioTooHigh:
      return error("delen " + part + " är packad mer än " +
                   std::to_string(limits.maxCompressionRatio) +
                   ":1, vilket ingen vanlig arbetsbok är; filen avvisas som skydd mot zip-bomber");
    case BoundedInflateBuffer::Fault::Corrupt:
    case BoundedInflateBuffer::Fault::None:
      break;
  }
  return error("delen " + part + " är skadad i zip-arkivet (" + buffer.faultDetail() + ")");
}

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ZipPackage::ZipPackage(ZipPackage&&) noexcept = default;
ZipPackage& ZipPackage::operator=(ZipPackage&&) noexcept = default;
ZipPackage::~ZipPackage() = default;

ZipPackage ZipPackage::openFile(const std::filesystem::path& file, std::string displayName,
                                ZipLimits limits) {
  auto impl = std::make_unique<Impl>();
  impl->displayName = std::move(displayName);
  impl->limits = limits;
  std::error_code sizeError;
  impl->archiveBytes = std::filesystem::file_size(file, sizeError);
  if (sizeError) {
    throw impl->error(std::filesystem::exists(file) ? "filen kan inte läsas" : "filen finns inte");
  }
  impl->openStream = [file] { return std::make_unique<std::ifstream>(file, std::ios::binary); };
  impl->index();
  return ZipPackage(std::move(impl));
}

ZipPackage ZipPackage::openBytes(std::shared_ptr<const std::string> bytes, std::string displayName,
                                 ZipLimits limits) {
  auto impl = std::make_unique<Impl>();
  impl->displayName = std::move(displayName);
  impl->limits = limits;
  impl->archiveBytes = bytes->size();
  impl->openStream = [bytes = std::move(bytes)] { return std::make_unique<MemoryStream>(bytes); };
  impl->index();
  return ZipPackage(std::move(impl));
}

const std::string& ZipPackage::displayName() const { return impl_->displayName; }

bool ZipPackage::contains(std::string_view partName) const {
  return impl_->entries.contains(normalisedPartName(partName));
}

void ZipPackage::readPart(std::string_view partName,
                          const std::function<void(std::istream&)>& consume) const {
  const Impl::Entry& entry = impl_->entry(partName);
  // A fresh archive stream per part: no stale eof/fail state from an earlier entry.
  std::unique_ptr<std::istream> archiveStream = impl_->open();
  const auto header = impl_->archive->findHeader(entry.storedName);

  std::optional<Poco::Zip::ZipInputStream> inflating;
  try {
    inflating.emplace(*archiveStream, header->second, true);
  } catch (const Poco::Exception& e) {
    throw impl_->error("delen " + std::string(partName) + " kan inte packas upp (" +
                       e.displayText() + ")");
  }
  BoundedInflateBuffer buffer(*inflating, entry.compressedBytes, impl_->limits);
  std::istream in(&buffer);
  try {
    consume(in);
  } catch (...) {
    if (buffer.fault() != BoundedInflateBuffer::Fault::None) {
      throw impl_->entryFault(partName, buffer);
    }
    throw;
  }
  if (buffer.fault() != BoundedInflateBuffer::Fault::None) {
    throw impl_->entryFault(partName, buffer);
  }
}

}  // namespace namnd
