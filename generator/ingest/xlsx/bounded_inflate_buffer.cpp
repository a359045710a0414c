#include "ingest/xlsx/bounded_inflate_buffer.hpp"

#include <Poco/Exception.h>

namespace namnd {
namespace {
constexpr std::size_t kBufferBytes = 64 * 1024;
}  // namespace

BoundedInflateBuffer::BoundedInflateBuffer(std::istream& inflating, std::uint64_t compressedBytes,
                                           const ZipLimits& limits)
    : inflating_(inflating),
      compressedBytes_(compressedBytes),
      limits_(limits),
      buffer_(kBufferBytes) {
  // Poco reports CRC and inflate errors by throwing inside read(); with badbit in the mask the
  // stream rethrows them to us instead of swallowing them.
  inflating_.exceptions(std::ios::badbit);
}

BoundedInflateBuffer::int_type BoundedInflateBuffer::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (fault_ != Fault::None) return traits_type::eof();

  std::streamsize count = 0;
  try {
    inflating_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    count = inflating_.gcount();
  } catch (const Poco::Exception& e) {
    return fail(Fault::Corrupt, e.displayText());
  } catch (const std::exception& e) {
    return fail(Fault::Corrupt, e.what());
  }
  if (count <= 0) return traits_type::eof();

  inflatedBytes_ += static_cast<std::uint64_t>(count);
  if (inflatedBytes_ > limits_.maxEntryBytes) return fail(Fault::TooLarge);
  if (inflatedBytes_ > limits_.ratioCheckFromBytes &&
      inflatedBytes_ / limits_.maxCompressionRatio > compressedBytes_) {
    return fail(Fault::RatioTooHigh);
  }
  setg(buffer_.data(), buffer_.data(), buffer_.data() + count);
  return traits_type::to_int_type(*gptr());
}

BoundedInflateBuffer::int_type BoundedInflateBuffer::fail(Fault fault, std::string detail) {
  fault_ = fault;
  faultDetail_ = std::move(detail);
  setg(nullptr, nullptr, nullptr);
  return traits_type::eof();
}

}  // namespace namnd
