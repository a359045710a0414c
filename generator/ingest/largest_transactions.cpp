#include "ingest/largest_transactions.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/text_hash.hpp"

namespace namnd {
namespace {

// Each text as its byte length (one byte, or 0xFF and four bytes for a long one) and its bytes.
void packText(std::string& out, std::string_view text) {
  if (text.size() < 0xFF) {
    out.push_back(static_cast<char>(text.size()));
  } else {
    out.push_back(static_cast<char>(0xFF));
    const auto size = static_cast<std::uint32_t>(text.size());
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(size >> shift));
  }
  out.append(text);
}

void packTexts(std::string& out, const TransactionTexts& texts) {
  for (const std::string_view text : {texts.konto, texts.verksamhet, texts.projekt, texts.datum,
                                      texts.vernr, texts.text, texts.motpart})
    packText(out, text);
}

// Reads one packed text from the front of `in` (bytes this file wrote).
std::string_view unpackText(std::string_view& in) {
  std::size_t size = static_cast<unsigned char>(in[0]);
  std::size_t header = 1;
  if (size == 0xFF) {
    size = 0;
    for (int i = 0; i < 4; ++i)
      size |= static_cast<std::size_t>(static_cast<unsigned char>(in[1 + i])) << (8 * i);
    header = 5;
  }
  const std::string_view text = in.substr(header, size);
  in.remove_prefix(header + size);
  return text;
}

TransactionTexts unpackTexts(std::string_view& in) {
  TransactionTexts texts;
  for (std::string_view* text : {&texts.konto, &texts.verksamhet, &texts.projekt, &texts.datum,
                                 &texts.vernr, &texts.text, &texts.motpart})
    *text = unpackText(in);
  return texts;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// KeptTransactions

KeptTransactions KeptTransactions::of(const std::vector<LedgerTransaction>& rows) {
  KeptTransactions kept;
  for (const LedgerTransaction& r : rows)
    kept.add(r.period, r.ansvar, r.ore,
             {r.konto, r.verksamhet, r.projekt, r.datum, r.vernr, r.text, r.motpart});
  return kept;
}

void KeptTransactions::add(Period period, std::string_view ansvar, std::int64_t ore,
                           const TransactionTexts& texts) {
  // A linear search: add() builds short lists (tests, a store's rows); the collector hands over
  // its groups whole.
  auto found = std::find_if(groups_.rbegin(), groups_.rend(), [&](const Group& g) {
    return g.period == period && g.ansvar == ansvar;
  });
  Group& group = found != groups_.rend()
                     ? *found
                     : groups_.emplace_back(Group{period, std::string(ansvar), {}, true});
  const auto magnitude = [](std::int64_t v) { return v < 0 ? -v : v; };
  if (!group.rows.empty() && magnitude(group.rows.back().ore) < magnitude(ore))
    group.ordered = false;
  Packed& packed = group.rows.emplace_back();
  packTexts(packed.texts, texts);
  packed.ore = ore;
  ++size_;
}

std::vector<std::size_t> KeptTransactions::groupOrder() const {
  std::vector<std::size_t> order(groups_.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto before = [&](std::size_t a, std::size_t b) {
    const Group& x = groups_[a];
    const Group& y = groups_[b];
    return x.period != y.period ? x.period < y.period : x.ansvar < y.ansvar;
  };
  if (!std::is_sorted(order.begin(), order.end(), before))
    std::stable_sort(order.begin(), order.end(), before);
  return order;
}

std::vector<std::uint32_t> KeptTransactions::rowOrder(const Group& group) {
  std::vector<std::uint32_t> order(group.rows.size());
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  if (!group.ordered) {
    const auto magnitude = [](std::int64_t v) { return v < 0 ? -v : v; };
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      return magnitude(group.rows[a].ore) > magnitude(group.rows[b].ore);
    });
  }
  return order;
}

KeptTransactions::Row KeptTransactions::row(const Group& group, std::uint32_t index) {
  const Packed& packed = group.rows[index];
  std::string_view in = packed.texts;
  return {group.period, group.ansvar, unpackTexts(in), packed.ore};
}

std::vector<LedgerTransaction> KeptTransactions::toTransactions() const {
  std::vector<LedgerTransaction> result;
  result.reserve(size_);
  forEach([&](const Row& row) {
    const TransactionTexts& t = row.texts;
    result.push_back({row.period, std::string(row.ansvar), std::string(t.konto),
                      std::string(t.verksamhet), std::string(t.projekt), std::string(t.datum),
                      std::string(t.vernr), std::string(t.text), std::string(t.motpart), row.ore});
  });
  return result;
}

// ---------------------------------------------------------------------------------------------
// LargestTransactions

LargestTransactions::LargestTransactions(int perKey)
    : perKey_(perKey > 0 ? static_cast<std::size_t>(perKey) : 0), index_(1024) {}

std::int64_t LargestTransactions::contentOrder(const TransactionTexts& t) {
  std::uint64_t h = text_hash::kSeed1;
  for (const std::string_view field :
       {t.konto, t.verksamhet, t.projekt, t.datum, t.vernr, t.text, t.motpart})
    h = text_hash::hash(field, h);
  return static_cast<std::int64_t>(h >> 1);
}

std::uint64_t LargestTransactions::keyHash(std::string_view ansvar, Period period) {
  return text_hash::hash(ansvar, text_hash::kSeed0 ^ static_cast<std::uint64_t>(period.code()));
}

LargestTransactions::Bucket& LargestTransactions::findOrAddBucket(std::string_view ansvar,
                                                                  Period period) {
  const std::uint64_t hash = keyHash(ansvar, period);
  const int code = period.code();
  const std::size_t mask = index_.size() - 1;
  std::size_t at = static_cast<std::size_t>(hash) & mask;
  for (;; at = (at + 1) & mask) {
    IndexSlot& slot = index_[at];
    if (slot.bucketPlusOne == 0) break;
    if (slot.hash == hash && slot.period == code) {
      Bucket& bucket = buckets_[slot.bucketPlusOne - 1];
      if (bucket.ansvar == ansvar) {
        last_ = slot.bucketPlusOne - 1;
        return bucket;
      }
    }
  }
  last_ = buckets_.size();
  buckets_.push_back(Bucket{std::string(ansvar), period, perKey_, {}, {}});
  index_[at] = {hash, static_cast<std::uint32_t>(buckets_.size()), code};
  if (buckets_.size() * 2 > index_.size()) growIndex();
  return buckets_.back();
}

void LargestTransactions::growIndex() {
  std::vector<IndexSlot> grown(index_.size() * 2);
  const std::size_t mask = grown.size() - 1;
  for (const IndexSlot& slot : index_) {
    if (slot.bucketPlusOne == 0) continue;
    std::size_t at = static_cast<std::size_t>(slot.hash) & mask;
    while (grown[at].bucketPlusOne != 0) at = (at + 1) & mask;
    grown[at] = slot;
  }
  index_ = std::move(grown);
}

LargestTransactions::Slot& LargestTransactions::slotFor(Bucket& bucket, std::int64_t size,
                                                        std::int64_t order) {
  // The heap's comparator puts the worst entry on top.
  const auto worseFirst = [](const Entry& a, const Entry& b) { return better(a, b); };
  std::vector<Entry>& heap = bucket.heap;
  if (!bucket.full()) {
    if (bucket.slots.empty()) {
      bucket.slots.reserve(bucket.capacity);
      heap.reserve(bucket.capacity);
    }
    const auto slot = static_cast<std::uint32_t>(bucket.slots.size());
    bucket.slots.emplace_back();
    heap.push_back({size, order, slot});
    std::push_heap(heap.begin(), heap.end(), worseFirst);
    return bucket.slots[slot];
  }
  // Full: the new entry takes the worst one's place (and its buffer) and sinks to where it
  // belongs — one pass down instead of a pop and a push.
  const Entry entry{size, order, heap.front().slot};
  const std::size_t n = heap.size();
  std::size_t at = 0;
  for (std::size_t child = 1; child < n; child = 2 * at + 1) {
    if (child + 1 < n && better(heap[child], heap[child + 1])) ++child;  // the worse child
    if (!better(entry, heap[child])) break;
    heap[at] = heap[child];
    at = child;
  }
  heap[at] = entry;
  return bucket.slots[entry.slot];
}

void LargestTransactions::keep(Bucket& bucket, std::int64_t ore, std::int64_t size,
                               std::int64_t order, const TransactionTexts& texts) {
  Slot& slot = slotFor(bucket, size, order);
  slot.texts.clear();
  packTexts(slot.texts, texts);
  slot.ore = ore;
}

void LargestTransactions::absorb(LargestTransactions&& other) {
  for (Bucket& from : other.buckets_) {
    for (const Entry& entry : from.heap) {
      Bucket& bucket = bucketFor(from.ansvar, from.period);
      if (bucket.full() && (bucket.heap.empty() || !better(entry, bucket.worst()))) continue;
      Slot& slot = slotFor(bucket, entry.size, entry.order);
      slot.texts.swap(from.slots[entry.slot].texts);
      slot.ore = from.slots[entry.slot].ore;
    }
  }
  other.buckets_.clear();
  std::fill(other.index_.begin(), other.index_.end(), IndexSlot{});
  other.last_ = static_cast<std::size_t>(-1);
}

KeptTransactions LargestTransactions::take() {
  // The buckets become the list's groups as they are: nothing is copied.
  KeptTransactions kept;
  kept.groups_.reserve(buckets_.size());
  for (Bucket& bucket : buckets_) {
    if (bucket.heap.empty()) continue;
    std::sort(bucket.heap.begin(), bucket.heap.end(), better);
    KeptTransactions::Group& group = kept.groups_.emplace_back(
        KeptTransactions::Group{bucket.period, std::move(bucket.ansvar), {}, true});
    group.rows.reserve(bucket.heap.size());
    for (const Entry& entry : bucket.heap)
      group.rows.push_back(std::move(bucket.slots[entry.slot]));
    kept.size_ += group.rows.size();
  }
  buckets_.clear();
  std::fill(index_.begin(), index_.end(), IndexSlot{});
  last_ = static_cast<std::size_t>(-1);
  return kept;
}

}  // namespace namnd
