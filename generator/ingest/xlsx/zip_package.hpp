#pragma once
// A zip container (an OOXML package) whose parts are streamed out one at a time, inflating
// lazily and refusing zip bombs. The only place that knows Poco::Zip.

#include <filesystem>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "ingest/xlsx/zip_limits.hpp"

namespace namnd {

class ZipPackage {
 public:
  // Indexes the archive. Throws InputError (naming displayName) when the file cannot be read, is
  // not a zip archive, or its directory is corrupt or truncated.
  static ZipPackage openFile(const std::filesystem::path& file, std::string displayName,
                             ZipLimits limits);
  static ZipPackage openBytes(std::shared_ptr<const std::string> bytes, std::string displayName,
                              ZipLimits limits);

  ZipPackage(ZipPackage&&) noexcept;
  ZipPackage& operator=(ZipPackage&&) noexcept;
  ~ZipPackage();

  const std::string& displayName() const;

  // Part names are matched as OPC does: case-insensitively, without a leading "/".
  bool contains(std::string_view partName) const;

  // Hands consume a stream of the part's inflated bytes. Throws InputError when the part is
  // missing, its data is corrupt (CRC, deflate), or it inflates beyond the limits; such a fault
  // of the entry wins over whatever consume threw when it saw the stream end early. Other
  // exceptions from consume propagate unchanged.
  void readPart(std::string_view partName, const std::function<void(std::istream&)>& consume) const;

 private:
  struct Impl;
  explicit ZipPackage(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace namnd
