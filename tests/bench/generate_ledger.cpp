#include "generate_ledger.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <system_error>
#include <tuple>
#include <utility>
#include <vector>

#include "core/errors.hpp"

namespace namnd::bench {
namespace {

constexpr int kYear = 2025;
constexpr int kAnsvarCount = 420;
constexpr int kProjektCount = 40;
constexpr std::uint64_t kSeed = 0x6e616d6e64323032ULL;
// Bump when the generated content changes, so that kept files are regenerated.
constexpr int kGeneratorVersion = 2;
constexpr std::int64_t kXlsxMaxRows = 1'048'576;  // one sheet, header row included

// splitmix64: small, fast and the same everywhere (std:: distributions differ by library).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is negligible for the small n used here.
  std::int64_t below(std::int64_t n) {
    return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
  }
  std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
  bool percent(int p) { return below(100) < p; }

 private:
  std::uint64_t state_;
};

// Picks an index with probability proportional to its weight.
class WeightedChoice {
 public:
  WeightedChoice() = default;
  explicit WeightedChoice(const std::vector<int>& weights) {
    std::int64_t sum = 0;
    for (const int w : weights) cumulative_.push_back(sum += w);
  }
  std::size_t pick(Random& random) const {
    const std::int64_t r = random.below(cumulative_.back());
    return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), r) -
                                    cumulative_.begin());
  }

 private:
  std::vector<std::int64_t> cumulative_;
};

// How a row's amount is drawn (see drawOre).
enum class AmountKind {
  MonthlyPay,
  HourlyPay,
  Supplement,
  Overtime,
  HolidayPay,
  SickPay,
  PayrollTax,
  Pension,
  Personnel,
  Invoice,
  Food,
  Placement,
  Grant,
  Rent,
  Energy,
  Capital,
  InternalIt,
  Fee,
  RentIncome,
  StateGrant,
  Sales,
};

struct Account {
  std::string_view konto;
  std::string_view name;
  AmountKind kind;
};

// Kommun-Bas: 3 intäkter, 40–49 köp och bidrag, 50–59 personal, 60–62 lokaler och energi,
// 63–78 övriga kostnader, 79 and 84 kapitalkostnader.
constexpr Account kAccounts[] = {
    {"3410", "Försäljning av verksamhet", AmountKind::Sales},
    {"3510", "Omsorgsavgifter hemtjänst", AmountKind::Fee},
    {"3520", "Avgifter särskilt boende", AmountKind::Fee},
    {"3610", "Hyror bostäder", AmountKind::RentIncome},
    {"3710", "Statsbidrag", AmountKind::StateGrant},
    {"3910", "Övriga intäkter", AmountKind::Sales},
    {"4010", "Försörjningsstöd", AmountKind::Grant},
    {"4610", "Köp av huvudverksamhet", AmountKind::Placement},
    {"4620", "Köp av platser HVB", AmountKind::Placement},
    {"5011", "Månadslön", AmountKind::MonthlyPay},
    {"5020", "Timlön", AmountKind::HourlyPay},
    {"5031", "Övertid och mertid", AmountKind::Overtime},
    {"5040", "OB-tillägg och jour", AmountKind::Supplement},
    {"5110", "Semesterlön", AmountKind::HolidayPay},
    {"5120", "Sjuklön", AmountKind::SickPay},
    {"5410", "Arbetsgivaravgifter", AmountKind::PayrollTax},
    {"5510", "Pensionskostnader", AmountKind::Pension},
    {"5710", "Utbildning och konferens", AmountKind::Personnel},
    {"5790", "Övriga personalkostnader", AmountKind::Personnel},
    {"6110", "Lokalhyror", AmountKind::Rent},
    {"6210", "El", AmountKind::Energy},
    {"6220", "Fjärrvärme", AmountKind::Energy},
    {"6250", "Vatten och avlopp", AmountKind::Energy},
    {"6410", "Förbrukningsmaterial", AmountKind::Invoice},
    {"6420", "Livsmedel", AmountKind::Food},
    {"6440", "Läkemedel och sjukvårdsmaterial", AmountKind::Invoice},
    {"6530", "Kontorsmaterial", AmountKind::Invoice},
    {"6910", "Konsulttjänster", AmountKind::Invoice},
    {"7010", "Resor", AmountKind::Invoice},
    {"7110", "Telefoni", AmountKind::Invoice},
    {"7210", "IT-tjänster", AmountKind::InternalIt},
    {"7310", "Leasing av fordon", AmountKind::Invoice},
    {"7410", "Försäkringar", AmountKind::Invoice},
    {"7910", "Avskrivningar", AmountKind::Capital},
    {"8410", "Internränta", AmountKind::Capital},
};

struct Pick {
  std::string_view konto;
  int weight;
};

constexpr Pick kPayrollPicks[] = {{"5011", 25}, {"5040", 20}, {"5020", 15}, {"5031", 6},
                                  {"5110", 6},  {"5120", 5},  {"5410", 15}, {"5510", 8}};
constexpr Pick kInvoicePicks[] = {{"5710", 4}, {"5790", 3},  {"6110", 2}, {"6210", 3}, {"6220", 2},
                                  {"6250", 1}, {"6410", 20}, {"6530", 8}, {"6910", 3}, {"7010", 4},
                                  {"7110", 5}, {"7310", 4},  {"7410", 1}};
constexpr Pick kRevenuePicks[] = {{"3410", 2}, {"3510", 6}, {"3520", 5},
                                  {"3610", 4}, {"3710", 1}, {"3910", 2}};
constexpr Pick kInternalPicks[] = {{"6110", 4}, {"7210", 3}, {"7910", 2}, {"8410", 1}};

// The förvaltning's areas: ansvar codes 41xxx … 45xxx, their verksamheter (Kommun-Bas
// verksamhetsindelning) and the accounts they book on besides the common ones (the first
// three times as often as the second).
struct Area {
  int ansvarBase;
  std::array<std::string_view, 4> verksamheter;
  std::array<std::string_view, 2> ownAccounts;
};
constexpr std::array<Area, 5> kAreas = {{
    {41000, {"511", "512", "513", "514"}, {"6420", "4610"}},  // vård och omsorg äldre
    {42000, {"520", "521", "522", "523"}, {"4610", "6420"}},  // funktionsstöd (LSS)
    {43000, {"530", "531", "532", "534"}, {"4010", "4620"}},  // individ- och familjeomsorg
    {44000, {"540", "541", "540", "541"}, {"6440", "6410"}},  // hälso- och sjukvård
    {45000, {"500", "509", "500", "509"}, {"6910", "6530"}},  // gemensamt, stab
}};

constexpr std::array<std::string_view, 12> kMonths = {
    "januari", "februari", "mars",      "april",   "maj",      "juni",
    "juli",    "augusti",  "september", "oktober", "november", "december"};

constexpr std::string_view kSuppliers[] = {
    "Apoteket AB",
    "Martin & Servera AB",
    "Menigo Foodservice AB",
    "Tunstall Nordic AB",
    "Vattenfall AB",
    "Göteborg Energi AB",
    "Attendo Sverige AB",
    "Humana Sverige AB",
    "Ambea Sverige AB",
    "Essity Hygiene AB",
    "Lyreco Sverige AB",
    "Telia Sverige AB",
    "Tietoevry Sverige AB",
    "Länsförsäkringar Älvsborg",
    "Ahlsell Sverige AB",
    "Mediq Sverige AB",
    "Abena AB",
    "Frösunda Omsorg AB",
    "Nytida AB",
    "Solhaga Stiftelse",
    "Postnord Sverige AB",
    "Västtrafik AB",
    "Arjo Scandinavia AB",
    "Invacare AB",
    "Dedicare AB",
    "Kommunfastigheter i Åmål AB",
    "Hemfrid i Sverige AB",
    "Samhall AB",
    "Skövde Taxi AB",
    "Örebro Läns Mediaservice AB",
};

int lastDayOf(int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (kYear % 4 == 0 && kYear % 100 != 0) || kYear % 400 == 0;
  return month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Log-uniform over decades (Benford-like, as ledger amounts are): a decade from `weights`,
// starting at fromKr, then a mantissa 1.00–9.99 and random öre.
std::int64_t decades(Random& random, std::int64_t fromKr, std::initializer_list<int> weights) {
  std::int64_t sum = 0;
  for (const int w : weights) sum += w;
  std::int64_t r = random.below(sum);
  std::int64_t kr = fromKr;
  for (const int w : weights) {
    if (r < w) break;
    r -= w;
    kr *= 10;
  }
  return kr * random.between(100, 999) + random.below(100);
}

std::int64_t kronor(Random& random, std::int64_t loKr, std::int64_t hiKr) {
  return random.between(loKr * 100, hiKr * 100);
}

std::int64_t wholeKronor(Random& random, std::int64_t loKr, std::int64_t hiKr) {
  return random.between(loKr, hiKr) * 100;
}

// An amount in öre, signed as booked: costs positive, revenue negative; now and then a credit.
std::int64_t drawOre(Random& random, AmountKind kind) {
  switch (kind) {
    case AmountKind::MonthlyPay:
      return (random.percent(1) ? -1 : 1) * wholeKronor(random, 19'000, 52'000);
    case AmountKind::HourlyPay:
      return kronor(random, 400, 24'000);
    case AmountKind::Supplement:
      return kronor(random, 150, 6'000);
    case AmountKind::Overtime:
      return kronor(random, 250, 9'000);
    case AmountKind::HolidayPay:
      return kronor(random, 800, 28'000);
    case AmountKind::SickPay:
      return kronor(random, 300, 12'000);
    case AmountKind::PayrollTax:
      return kronor(random, 2'000, 17'000);
    case AmountKind::Pension:
      return kronor(random, 900, 6'500);
    case AmountKind::Personnel:
      return (random.percent(2) ? -1 : 1) * decades(random, 100, {30, 55, 15});
    case AmountKind::Invoice:
      return (random.percent(2) ? -1 : 1) * decades(random, 10, {24, 80, 79, 16, 1});
    case AmountKind::Food:
      return (random.percent(2) ? -1 : 1) * decades(random, 100, {20, 60, 20});
    case AmountKind::Placement:
      return kronor(random, 30'000, 450'000);
    case AmountKind::Grant:
      return kronor(random, 800, 18'000);
    case AmountKind::Rent:
      return wholeKronor(random, 5'000, 250'000);
    case AmountKind::Energy:
      return decades(random, 100, {45, 50, 5});
    case AmountKind::Capital:
      return decades(random, 100, {40, 50, 10});
    case AmountKind::InternalIt:
      return kronor(random, 1'500, 45'000);
    case AmountKind::Fee:
      return -kronor(random, 100, 2'400);
    case AmountKind::RentIncome:
      return -wholeKronor(random, 3'500, 9'500);
    case AmountKind::StateGrant:
      return -decades(random, 1'000, {30, 50, 20});
    case AmountKind::Sales:
      return -decades(random, 100, {40, 45, 15});
  }
  return 0;
}

const Account& account(std::string_view konto) {
  for (const Account& a : kAccounts)
    if (a.konto == konto) return a;
  throw std::logic_error("unknown konto in a pick list");
}

struct AccountChoice {
  std::vector<const Account*> accounts;
  WeightedChoice choice;

  template <std::size_t N>
  explicit AccountChoice(const Pick (&picks)[N]) {
    std::vector<int> weights;
    for (const Pick& p : picks) {
      accounts.push_back(&account(p.konto));
      weights.push_back(p.weight);
    }
    choice = WeightedChoice(weights);
  }
  const Account& pick(Random& random) const { return *accounts[choice.pick(random)]; }
};

struct Row {
  std::size_t unit = 0;     // index into LedgerRows::units()
  std::size_t account = 0;  // index into kAccounts
  std::string_view ansvar;
  std::string_view konto;
  std::string_view verksamhet;
  std::string_view projekt;
  std::int64_t ore = 0;
  std::string text;
};

struct Voucher {
  std::string_view series;  // L lön, LF leverantörsfaktura, KF kundfaktura, IF intern, M memorial
  std::int64_t number = 0;  // per series, from 1
  int month = 1;
  int day = 1;
  std::string text;
  std::vector<Row> rows;
  std::size_t size = 0;  // rows used (the vector is reused)
};

// The ledger as vouchers, month by month, exactly `rows` rows in all.
class LedgerRows {
 public:
  explicit LedgerRows(std::int64_t rows)
      : rows_(rows),
        random_(kSeed),
        payroll_(kPayrollPicks),
        invoice_(kInvoicePicks),
        revenue_(kRevenuePicks),
        internal_(kInternalPicks),
        voucherKinds_({2, 60, 18, 1, 10}),
        invoiceSizes_({50, 25, 12, 6, 4, 3}) {
    Random master(kSeed ^ 0x5a5a5a5aULL);
    std::vector<int> weights;
    for (int i = 0; i < kAnsvarCount; ++i) {
      const Area& area = kAreas[static_cast<std::size_t>(i % kAreas.size())];
      const int unit = i / static_cast<int>(kAreas.size());
      ansvar_.push_back({std::to_string(area.ansvarBase + unit * 10),
                         area.verksamheter[static_cast<std::size_t>(unit % 4)], &area});
      // Units differ in size: a few large boenden, many small teams.
      weights.push_back(1 + static_cast<int>(master.below(4) * master.below(6)));
    }
    ansvarChoice_ = WeightedChoice(weights);
    unitWeights_ = weights;
    for (int i = 1; i <= kProjektCount; ++i) projekt_.push_back("P" + std::to_string(2100 + i));
    monthLeft_ = rowsInMonth(1);
  }

  // The next voucher, or false when every row has been produced.
  bool next(Voucher& voucher) {
    while (monthLeft_ == 0) {
      if (month_ == 12) return false;
      ++month_;
      monthLeft_ = rowsInMonth(month_);
    }
    voucher.size = 0;
    voucher.month = month_;
    switch (voucherKinds_.pick(random_)) {
      case 0:
        payroll(voucher);
        break;
      case 1:
        supplierInvoice(voucher);
        break;
      case 2:
        customerInvoice(voucher);
        break;
      case 3:
        internal(voucher);
        break;
      default:
        memorial(voucher);
        break;
    }
    monthLeft_ -= static_cast<std::int64_t>(voucher.size);
    return true;
  }

  const std::vector<std::string>& projektCodes() const { return projekt_; }
  struct Unit {
    std::string code;
    std::string_view verksamhet;
    const Area* area;
  };
  const std::vector<Unit>& units() const { return ansvar_; }
  // Relative sizes of the units (how often the ledger books on each).
  const std::vector<int>& unitWeights() const { return unitWeights_; }

 private:
  std::int64_t rowsInMonth(int month) const {
    return rows_ * month / 12 - rows_ * (month - 1) / 12;
  }

  std::size_t fit(std::int64_t wanted) const {
    return static_cast<std::size_t>(std::min(wanted, monthLeft_));
  }

  void start(Voucher& v, std::string_view series, std::int64_t& counter, int day) {
    v.series = series;
    v.number = ++counter;
    v.day = day;
  }

  Row& add(Voucher& v, const Unit& unit, const Account& account, std::int64_t ore) {
    if (v.rows.size() <= v.size) v.rows.emplace_back();
    Row& row = v.rows[v.size++];
    row.unit = static_cast<std::size_t>(&unit - ansvar_.data());
    row.account = static_cast<std::size_t>(&account - kAccounts);
    row.ansvar = unit.code;
    row.verksamhet = unit.verksamhet;
    row.konto = account.konto;
    row.projekt = {};
    row.ore = ore;
    row.text.clear();
    return row;
  }

  const Unit& anyUnit() { return ansvar_[ansvarChoice_.pick(random_)]; }
  std::string_view monthName() const { return kMonths[static_cast<std::size_t>(month_ - 1)]; }
  void maybeProjekt(Row& row) {
    if (random_.percent(3))
      row.projekt = projekt_[static_cast<std::size_t>(random_.below(kProjektCount))];
  }

  void payroll(Voucher& v) {
    start(v, "L", payrollCount_, std::min(25, lastDayOf(month_)));
    v.text = "Lön " + std::string(monthName()) + " " + std::to_string(kYear);
    const std::size_t n = fit(random_.between(20, 150));
    for (std::size_t i = 0; i < n; ++i) {
      const Account& a = payroll_.pick(random_);
      Row& row = add(v, anyUnit(), a, drawOre(random_, a.kind));
      row.text.append(a.name).append(" ").append(monthName());
      maybeProjekt(row);
    }
  }

  void supplierInvoice(Voucher& v) {
    start(v, "LF", invoiceCount_, static_cast<int>(random_.between(1, lastDayOf(month_))));
    const std::string_view supplier =
        kSuppliers[static_cast<std::size_t>(random_.below(std::size(kSuppliers)))];
    v.text = std::string(supplier);
    const std::int64_t invoiceNo = random_.between(100'000, 9'999'999);
    const std::size_t n = fit(static_cast<std::int64_t>(invoiceSizes_.pick(random_)) + 1);
    const Unit* unit = &anyUnit();
    for (std::size_t i = 0; i < n; ++i) {
      if (random_.percent(30)) unit = &anyUnit();  // most invoices go to one ansvar
      const Account& a = random_.percent(15)
                             ? account(unit->area->ownAccounts[random_.percent(75) ? 0 : 1])
                             : invoice_.pick(random_);
      Row& row = add(v, *unit, a, drawOre(random_, a.kind));
      row.text.append(supplier).append(" fakt ").append(std::to_string(invoiceNo));
      maybeProjekt(row);
    }
  }

  void customerInvoice(Voucher& v) {
    start(v, "KF", customerCount_, static_cast<int>(random_.between(1, lastDayOf(month_))));
    v.text = "Kundfakturor " + std::string(monthName());
    const std::size_t n = fit(random_.between(1, 3));
    for (std::size_t i = 0; i < n; ++i) {
      const Account& a = revenue_.pick(random_);
      Row& row = add(v, anyUnit(), a, drawOre(random_, a.kind));
      row.text.append(a.name).append(" kund ").append(std::to_string(random_.between(1, 99'999)));
    }
  }

  void internal(Voucher& v) {
    start(v, "IF", internalCount_, lastDayOf(month_));
    v.text = "Interna debiteringar " + std::string(monthName());
    const std::size_t n = fit(random_.between(5, 30));
    for (std::size_t i = 0; i < n; ++i) {
      const Account& a = internal_.pick(random_);
      Row& row = add(v, anyUnit(), a, drawOre(random_, a.kind));
      row.text.append("Intern ").append(a.name).append(" ").append(monthName());
    }
  }

  // An ombokning: the same amount moved from one ansvar to another.
  void memorial(Voucher& v) {
    start(v, "M", memorialCount_, static_cast<int>(random_.between(1, lastDayOf(month_))));
    v.text = "Ombokning";
    const Account& a = invoice_.pick(random_);
    const std::int64_t ore = kronor(random_, 100, 100'000);
    const std::size_t n = fit(2);
    const std::string text = "Ombokning enligt underlag " + std::to_string(v.number);
    for (std::size_t i = 0; i < n; ++i) add(v, anyUnit(), a, i == 0 ? ore : -ore).text = text;
  }

  std::int64_t rows_;
  Random random_;
  AccountChoice payroll_;
  AccountChoice invoice_;
  AccountChoice revenue_;
  AccountChoice internal_;
  WeightedChoice voucherKinds_;
  WeightedChoice invoiceSizes_;
  WeightedChoice ansvarChoice_;
  std::vector<Unit> ansvar_;
  std::vector<int> unitWeights_;
  std::vector<std::string> projekt_;
  int month_ = 1;
  std::int64_t monthLeft_ = 0;
  std::int64_t payrollCount_ = 0;
  std::int64_t invoiceCount_ = 0;
  std::int64_t customerCount_ = 0;
  std::int64_t internalCount_ = 0;
  std::int64_t memorialCount_ = 0;
};

void appendNumber(std::string& out, std::int64_t value, int width = 0) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  for (auto n = end - digits; n < width; ++n) out += '0';
  out.append(digits, end);
}

// "-1234,50" (CSV, decimal comma) or "-1234.50" (SIE).
void appendKronor(std::string& out, std::int64_t ore, char decimal) {
  if (ore < 0) out += '-';
  const std::int64_t magnitude = ore < 0 ? -ore : ore;
  appendNumber(out, magnitude / 100);
  out += decimal;
  appendNumber(out, magnitude % 100, 2);
}

// A file written through a buffer; errors surface as OutputError when it is closed.
class OutFile {
 public:
  explicit OutFile(const std::filesystem::path& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw OutputError(path.string() + ": filen kan inte skapas");
    buffer_.reserve(kFlushBytes + 4096);
  }
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;
  ~OutFile() {
    if (file_) std::fclose(file_);
  }
  std::string& buffer() { return buffer_; }
  void lineDone() {
    if (buffer_.size() >= kFlushBytes) flush();
  }
  void close() {
    flush();
    const bool failed = std::fclose(file_) != 0 || failed_;
    file_ = nullptr;
    if (failed) throw OutputError(path_.string() + ": filen kunde inte skrivas (fullt?)");
  }

 private:
  static constexpr std::size_t kFlushBytes = 1 << 20;
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
    buffer_.clear();
  }
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
  bool failed_ = false;
};

void appendPeriod(std::string& out, int month) { appendNumber(out, kYear * 100 + month); }

std::int64_t writeCsv(std::int64_t rows, const std::filesystem::path& path) {
  OutFile out(path);
  std::string& b = out.buffer();
  // UTF-8 with BOM and CRLF, as Windows ekonomisystem export; the header as such exports name
  // the columns (aliases the reader knows).
  b += "\xEF\xBB\xBFPeriod;Bokföringsdatum;Ansvar;Konto;Verksamhet;Projekt;Belopp;Verifikation;"
       "Text\r\n";
  LedgerRows ledger(rows);
  Voucher v;
  std::int64_t total = 0;
  while (ledger.next(v)) {
    for (std::size_t i = 0; i < v.size; ++i) {
      const Row& r = v.rows[i];
      appendPeriod(b, v.month);
      b += ';';
      appendNumber(b, kYear);
      b += '-';
      appendNumber(b, v.month, 2);
      b += '-';
      appendNumber(b, v.day, 2);
      b.append(";").append(r.ansvar).append(";").append(r.konto).append(";");
      b.append(r.verksamhet).append(";").append(r.projekt).append(";");
      appendKronor(b, r.ore, ',');
      b.append(";").append(v.series);
      appendNumber(b, kYear % 100, 2);
      appendNumber(b, v.number, 6);
      b.append(";").append(r.text).append("\r\n");
      total += r.ore;
      out.lineDone();
    }
  }
  out.close();
  return total;
}

void checkXlsx(lxw_error error, const std::filesystem::path& path) {
  if (error != LXW_NO_ERROR)
    throw OutputError(path.string() + ": XLSX-filen kunde inte skrivas (" + lxw_strerror(error) +
                      ")");
}

std::int64_t writeXlsx(std::int64_t rows, const std::filesystem::path& path) {
  // constant_memory: rows go to a temporary file as they are written, so generating a million
  // rows needs no more memory than one row.
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  if (!book) throw OutputError(path.string() + ": filen kan inte skapas");
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Huvudbok");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_format* date = workbook_add_format(book);
  format_set_num_format(date, "yyyy-mm-dd");
  lxw_format* amount = workbook_add_format(book);
  format_set_num_format(amount, "#,##0.00");
  const char* headers[] = {"Period",  "Bokföringsdatum", "Ansvar",       "Konto", "Verksamhet",
                           "Projekt", "Belopp",          "Verifikation", "Text"};
  lxw_error error = LXW_NO_ERROR;
  for (lxw_col_t c = 0; c < std::size(headers); ++c)
    if (error == LXW_NO_ERROR) error = worksheet_write_string(sheet, 0, c, headers[c], bold);

  LedgerRows ledger(rows);
  Voucher v;
  std::int64_t total = 0;
  lxw_row_t r = 1;
  std::string vernr;
  // Codes are numbers, as most exports store them; projekt, voucher and text are strings.
  const auto number = [](std::string_view code) {
    double value = 0;
    std::from_chars(code.data(), code.data() + code.size(), value);
    return value;
  };
  while (error == LXW_NO_ERROR && ledger.next(v)) {
    lxw_datetime when{kYear, static_cast<int>(v.month), v.day, 0, 0, 0.0};
    vernr.assign(v.series);
    appendNumber(vernr, kYear % 100, 2);
    appendNumber(vernr, v.number, 6);
    for (std::size_t i = 0; i < v.size && error == LXW_NO_ERROR; ++i, ++r) {
      const Row& row = v.rows[i];
      error = worksheet_write_number(sheet, r, 0, kYear * 100 + v.month, nullptr);
      if (!error) error = worksheet_write_datetime(sheet, r, 1, &when, date);
      if (!error) error = worksheet_write_number(sheet, r, 2, number(row.ansvar), nullptr);
      if (!error) error = worksheet_write_number(sheet, r, 3, number(row.konto), nullptr);
      if (!error) error = worksheet_write_number(sheet, r, 4, number(row.verksamhet), nullptr);
      if (!error && !row.projekt.empty())
        error = worksheet_write_string(sheet, r, 5, std::string(row.projekt).c_str(), nullptr);
      // Excel keeps numbers as doubles; the writer prints 16 significant digits, so the reader
      // gets the öre back exactly ("1234.57").
      if (!error)
        error = worksheet_write_number(sheet, r, 6, static_cast<double>(row.ore) / 100.0, amount);
      if (!error) error = worksheet_write_string(sheet, r, 7, vernr.c_str(), nullptr);
      if (!error) error = worksheet_write_string(sheet, r, 8, row.text.c_str(), nullptr);
      total += row.ore;
    }
  }
  const lxw_error closed = workbook_close(book);
  checkXlsx(error, path);
  checkXlsx(closed, path);
  return total;
}

// PC8 (code page 437), which SIE prescribes: the Swedish letters the generator uses.
void appendPc8(std::string& out, std::string_view utf8) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80 || i + 1 >= utf8.size()) {
      out += static_cast<char>(c);
      continue;
    }
    const std::string_view pair = utf8.substr(i, 2);
    ++i;
    if (pair == "å")
      out += '\x86';
    else if (pair == "ä")
      out += '\x84';
    else if (pair == "ö")
      out += '\x94';
    else if (pair == "Å")
      out += '\x8F';
    else if (pair == "Ä")
      out += '\x8E';
    else if (pair == "Ö")
      out += '\x99';
    else if (pair == "é")
      out += '\x82';
    else
      out += '?';
  }
}

void appendSieDate(std::string& out, int month, int day) {
  appendNumber(out, kYear);
  appendNumber(out, month, 2);
  appendNumber(out, day, 2);
}

void appendQuoted(std::string& out, std::string_view utf8) {
  out += '"';
  appendPc8(out, utf8);
  out += '"';
}

std::int64_t writeSie(std::int64_t rows, const std::filesystem::path& path) {
  OutFile out(path);
  std::string& b = out.buffer();
  const SieDimensionMap dims = generatedSieDimensions();
  b += "#FLAGGA 0\r\n#FORMAT PC8\r\n#SIETYP 4\r\n#PROGRAM \"namnd_bench_ingest\" 1\r\n";
  b += "#GEN 20260115\r\n#FNAMN ";
  appendQuoted(b, "Benchköpings kommun");
  b += "\r\n#ORGNR 212000-0000\r\n#RAR 0 20250101 20251231\r\n";
  b += "#DIM " + std::to_string(dims.ansvar) + " \"Ansvar\"\r\n";
  b += "#DIM " + std::to_string(dims.projekt) + " \"Projekt\"\r\n";
  b += "#DIM " + std::to_string(dims.verksamhet) + " \"Verksamhet\"\r\n";
  for (const Account& a : kAccounts) {
    b.append("#KONTO ").append(a.konto).append(" ");
    appendQuoted(b, a.name);
    b += "\r\n";
  }
  LedgerRows ledger(rows);
  std::vector<std::string_view> verksamheter;
  for (const auto& unit : ledger.units()) {
    b += "#OBJEKT " + std::to_string(dims.ansvar) + " \"" + unit.code + "\" ";
    appendQuoted(b, "Enhet " + unit.code);
    b += "\r\n";
    if (std::find(verksamheter.begin(), verksamheter.end(), unit.verksamhet) == verksamheter.end())
      verksamheter.push_back(unit.verksamhet);
  }
  for (const std::string_view code : verksamheter)
    b += "#OBJEKT " + std::to_string(dims.verksamhet) + " \"" + std::string(code) +
         "\" \"Verksamhet " + std::string(code) + "\"\r\n";
  for (const std::string& code : ledger.projektCodes())
    b += "#OBJEKT " + std::to_string(dims.projekt) + " \"" + code + "\" \"Projekt " + code +
         "\"\r\n";

  const std::string ansvarDim = std::to_string(dims.ansvar) + " \"";
  const std::string verksamhetDim = "\" " + std::to_string(dims.verksamhet) + " \"";
  const std::string projektDim = "\" " + std::to_string(dims.projekt) + " \"";
  Voucher v;
  std::int64_t total = 0;
  while (ledger.next(v)) {
    b.append("#VER ").append(v.series).append(" ");
    appendNumber(b, v.number);
    b += ' ';
    appendSieDate(b, v.month, v.day);
    b += ' ';
    appendQuoted(b, v.text);
    b += "\r\n{\r\n";
    for (std::size_t i = 0; i < v.size; ++i) {
      const Row& r = v.rows[i];
      b.append("#TRANS ").append(r.konto).append(" {").append(ansvarDim).append(r.ansvar);
      b.append(verksamhetDim).append(r.verksamhet);
      if (!r.projekt.empty()) b.append(projektDim).append(r.projekt);
      b += "\"} ";
      appendKronor(b, r.ore, '.');
      b += ' ';
      appendSieDate(b, v.month, v.day);
      b += ' ';
      appendQuoted(b, r.text);
      b += "\r\n";
      total += r.ore;
    }
    b += "}\r\n";
    out.lineDone();
  }
  out.close();
  return total;
}

struct Manifest {
  int version = 0;
  std::int64_t rows = 0;
  std::int64_t totalOre = 0;
  std::uintmax_t bytes = 0;
};

std::filesystem::path manifestPath(const std::filesystem::path& file) {
  return file.string() + ".manifest";
}

std::optional<Manifest> readManifest(const std::filesystem::path& file) {
  std::ifstream in(manifestPath(file));
  Manifest m;
  std::string key;
  if (!(in >> key >> m.version) || key != "version") return std::nullopt;
  if (!(in >> key >> m.rows) || key != "rows") return std::nullopt;
  if (!(in >> key >> m.totalOre) || key != "ore") return std::nullopt;
  if (!(in >> key >> m.bytes) || key != "bytes") return std::nullopt;
  return m;
}

void writeManifest(const GeneratedLedger& ledger) {
  const std::filesystem::path path = manifestPath(ledger.path);
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "version " << kGeneratorVersion << "\nrows " << ledger.rows << "\nore "
        << ledger.totalOre << "\nbytes " << ledger.bytes << "\n";
    if (!out.flush()) throw OutputError(temporary.string() + ": filen kunde inte skrivas");
  }
  std::filesystem::rename(temporary, path);
}

// ---- The rest of a `namnd` run: org, kontoplan, budget, hr, avvikelser, configs, facit ----

// Bump when any file of a run changes, so that kept runs are regenerated.
constexpr int kRunVersion = 2;

// Kommun-Bas report rows by leading digits, as data/kommunbas/kontoplan.csv.
struct KontoplanRange {
  std::string_view from;
  std::string_view to;
  std::string_view rad;
};
constexpr KontoplanRange kKontoplan[] = {
    {"3", "3", "Intäkter"},
    {"5", "5", "Personalkostnader"},
    {"60", "62", "Lokalkostnader energi VA"},
    {"4", "4", "Övriga kostnader"},
    {"63", "78", "Övriga kostnader"},
    {"79", "79", "Kapitalkostnad"},
    {"84", "84", "Kapitalkostnad"},
};

// The longest range whose leading digits hold konto; every generated konto has one.
std::string_view radFor(std::string_view konto) {
  const KontoplanRange* best = nullptr;
  for (const KontoplanRange& r : kKontoplan) {
    if (konto.size() < r.from.size()) continue;
    const std::string_view prefix = konto.substr(0, r.from.size());
    if (prefix < r.from || prefix > r.to) continue;
    if (!best || r.from.size() > best->from.size()) best = &r;
  }
  if (!best) throw std::logic_error("generated konto outside the kontoplan");
  return best->rad;
}

// The verksamhetsområden in the order of kAreas, and their enheter (12 ansvar each).
struct OrgArea {
  std::string_view code;
  std::string_view name;
  std::array<std::string_view, 7> enheter;
};
constexpr std::array<OrgArea, 5> kOrgAreas = {{
    {"AO",
     "Äldreomsorg",
     {"Särskilt boende Norr", "Särskilt boende Söder", "Hemtjänst Centrum", "Hemtjänst Landsbygd",
      "Korttid och växelvård", "Dagverksamhet", "Äldreomsorg gemensamt"}},
    {"FS",
     "Funktionsstöd",
     {"Bostad med särskild service Öst", "Bostad med särskild service Väst", "Daglig verksamhet",
      "Personlig assistans", "Korttid barn och unga", "Boendestöd", "Funktionsstöd gemensamt"}},
    {"IFO",
     "Individ- och familjeomsorg",
     {"Barn och familj", "Familjehem", "Vuxen", "Försörjningsstöd", "Öppenvård", "Mottagning",
      "IFO gemensamt"}},
    {"HS",
     "Hälso- och sjukvård",
     {"Hemsjukvård Norr", "Hemsjukvård Söder", "Rehabilitering", "Hjälpmedel", "Nattpatrull",
      "Kvalitet och MAS", "Hälso- och sjukvård gemensamt"}},
    {"NF",
     "Nämnd och förvaltningsledning",
     {"Nämnd", "Förvaltningsledning", "Ekonomi", "HR", "IT och digitalisering",
      "Kvalitet och utveckling", "Förvaltningsgemensamt"}},
}};
constexpr int kUnitsPerEnhet = kAnsvarCount / static_cast<int>(kOrgAreas.size()) / 7;  // 12

// Unit i of LedgerRows is in area i % 5, at position i / 5 within it (see the constructor).
std::size_t positionOf(std::size_t unit) { return unit / kAreas.size(); }

// The ledger's Σ öre and row count per (unit, konto, month), from the generator's own rows.
class LedgerTally {
 public:
  explicit LedgerTally(std::int64_t rows) : cells_(kAnsvarCount * std::size(kAccounts) * 12) {
    LedgerRows ledger(rows);
    Voucher v;
    while (ledger.next(v)) {
      for (std::size_t i = 0; i < v.size; ++i) {
        const Row& r = v.rows[i];
        Cell& cell = at(r.unit, r.account, v.month);
        cell.ore += r.ore;
        ++cell.rows;
        total_ += r.ore;
      }
    }
    units_ = ledger.units();
    unitWeights_ = ledger.unitWeights();
  }
  struct Cell {
    std::int64_t ore = 0;
    std::int64_t rows = 0;
  };
  const Cell& at(std::size_t unit, std::size_t account, int month) const {
    return cells_[(unit * std::size(kAccounts) + account) * 12 +
                  static_cast<std::size_t>(month - 1)];
  }
  std::int64_t total() const { return total_; }
  const std::vector<LedgerRows::Unit>& units() const { return units_; }
  const std::vector<int>& unitWeights() const { return unitWeights_; }

 private:
  Cell& at(std::size_t unit, std::size_t account, int month) {
    return cells_[(unit * std::size(kAccounts) + account) * 12 +
                  static_cast<std::size_t>(month - 1)];
  }
  std::vector<Cell> cells_;
  std::int64_t total_ = 0;
  std::vector<LedgerRows::Unit> units_;
  std::vector<int> unitWeights_;
};

// Writes a small file through OutFile and a temporary name, like the ledgers.
template <typename Write>
void writeFile(const std::filesystem::path& path, Write&& write) {
  const std::filesystem::path temporary = path.string() + ".tmp";
  {
    OutFile out(temporary);
    write(out);
    out.close();
  }
  std::filesystem::rename(temporary, path);
}

// "AO3": an enhet's org code, its area's code and its number within the area.
std::string enhetCode(std::size_t area, std::size_t enhet) {
  return std::string(kOrgAreas[area].code) + std::to_string(enhet + 1);
}

void writeOrg(const std::filesystem::path& path, const std::vector<LedgerRows::Unit>& units) {
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "kod;namn;foralder;niva;ordning\nSN;Socialnämnden;;1;1\n";
    for (std::size_t a = 0; a < kOrgAreas.size(); ++a) {
      const OrgArea& area = kOrgAreas[a];
      b.append(area.code).append(";").append(area.name).append(";SN;2;");
      appendNumber(b, static_cast<std::int64_t>(a + 1));
      b += '\n';
      for (std::size_t e = 0; e < area.enheter.size(); ++e) {
        b.append(enhetCode(a, e)).append(";").append(area.enheter[e]).append(";");
        b.append(area.code).append(";3;");
        appendNumber(b, static_cast<std::int64_t>(e + 1));
        b += '\n';
        // The area's units in code order; each enhet holds kUnitsPerEnhet of them.
        for (std::size_t u = a; u < units.size(); u += kAreas.size()) {
          const std::size_t position = positionOf(u);
          if (position / kUnitsPerEnhet != e) continue;
          const std::int64_t within = static_cast<std::int64_t>(position % kUnitsPerEnhet) + 1;
          b.append(units[u].code).append(";").append(area.enheter[e]).append(" ");
          appendNumber(b, within);
          b.append(";").append(enhetCode(a, e)).append(";4;");
          appendNumber(b, within);
          b += '\n';
        }
      }
    }
  });
}

void writeKontoplan(const std::filesystem::path& path) {
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "konto_fran;konto_till;rad\n";
    for (const KontoplanRange& r : kKontoplan)
      b.append(r.from).append(";").append(r.to).append(";").append(r.rad).append("\n");
  });
}

// Half away from zero, as the budget is set in whole kronor.
std::int64_t divideRounded(std::int64_t numerator, std::int64_t denominator) {
  const std::int64_t magnitude = (numerator < 0 ? -numerator : numerator) + denominator / 2;
  return (numerator < 0 ? -1 : 1) * (magnitude / denominator);
}

struct BudgetTotals {
  std::int64_t rows = 0;
  std::int64_t ore = 0;
};

// Helår per ansvar and konto: the year's outcome of the cell, 6 % under to 7 % over.
BudgetTotals writeBudget(const std::filesystem::path& path, const LedgerTally& tally) {
  BudgetTotals totals;
  Random random(kSeed ^ 0xb0d6e7ULL);
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "ar;ansvar;konto;belopp\n";
    for (std::size_t u = 0; u < tally.units().size(); ++u) {
      for (std::size_t a = 0; a < std::size(kAccounts); ++a) {
        std::int64_t ore = 0;
        std::int64_t rows = 0;
        for (int m = 1; m <= 12; ++m) {
          ore += tally.at(u, a, m).ore;
          rows += tally.at(u, a, m).rows;
        }
        const std::int64_t permille = random.between(940, 1070);
        if (rows == 0) continue;
        const std::int64_t kr = divideRounded(ore / 100 * permille, 1000);
        if (kr == 0) continue;
        appendNumber(b, kYear);
        b.append(";").append(tally.units()[u].code).append(";").append(kAccounts[a].konto);
        b += ';';
        appendNumber(b, kr);
        b += '\n';
        ++totals.rows;
        totals.ore += kr * 100;
        out.lineDone();
      }
    }
  });
  return totals;
}

// One HR row: a person's hours of one kind in one month. Hours in hundredths; belopp = hours ×
// the kind's hourly cost, empty for ej_tillsatt (unfilled hours cost nothing).
struct HrKind {
  std::string_view typ;
  std::int64_t minHundredths, maxHundredths;
  std::int64_t minKrPerHour, maxKrPerHour;
};
constexpr HrKind kHrKinds[] = {
    {"arbetad", 800, 17333, 175, 265}, {"timavlonad", 200, 12000, 165, 215},
    {"overtid", 50, 2500, 330, 480},   {"mertid", 50, 4000, 190, 260},
    {"ej_tillsatt", 400, 16000, 0, 0}, {"inhyrd", 800, 16000, 650, 1100},
};

std::int64_t writeHr(const std::filesystem::path& path, std::int64_t rows,
                     const LedgerTally& tally) {
  Random random(kSeed ^ 0x4872ULL);
  const WeightedChoice unitChoice(tally.unitWeights());
  const WeightedChoice kindChoice({55, 15, 9, 8, 8, 5});
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "period;ansvar;typ;timmar;belopp\n";
    for (int month = 1; month <= 12; ++month) {
      const std::int64_t inMonth = rows * month / 12 - rows * (month - 1) / 12;
      for (std::int64_t i = 0; i < inMonth; ++i) {
        const HrKind& kind = kHrKinds[kindChoice.pick(random)];
        const std::int64_t hundredths = random.between(kind.minHundredths, kind.maxHundredths);
        appendPeriod(b, month);
        b.append(";").append(tally.units()[unitChoice.pick(random)].code).append(";");
        b.append(kind.typ).append(";");
        appendKronor(b, hundredths, ',');
        b += ';';
        if (kind.maxKrPerHour > 0)
          appendKronor(b, hundredths * random.between(kind.minKrPerHour, kind.maxKrPerHour), ',');
        b += '\n';
        out.lineDone();
      }
    }
  });
  return rows;
}

struct Weighted {
  std::string_view text;
  int weight;
};

template <std::size_t N>
std::string_view pickText(Random& random, const Weighted (&choices)[N]) {
  int sum = 0;
  for (const Weighted& c : choices) sum += c.weight;
  std::int64_t r = random.below(sum);
  for (const Weighted& c : choices) {
    if (r < c.weight) return c.text;
    r -= c.weight;
  }
  return choices[N - 1].text;
}

constexpr Weighted kHslTypes[] = {{"Avvikelse", 93}, {"Synpunkt/klagomål", 5}, {"Lex Maria", 2}};
constexpr Weighted kSocialTypes[] = {
    {"Avvikelse", 85}, {"Synpunkt/klagomål", 11}, {"Lex Sarah", 4}};

// What kind of incidents each lagrum sees, with their händelsetyper: each as the source system
// writes it and as the report names it (the config's taxonomy maps the one to the other, several
// source names to one report name where a real export splits finer than the report).
struct Named {
  std::string_view source;
  std::string_view report;
};
struct Kategori {
  Named name;
  int weight;
  std::array<Named, 3> handelsetyper;
};
constexpr Kategori kHslKategorier[] = {
    {{"fall", "Fall/fallolycka"},
     45,
     {{{"fall utan skada", "Fall utan skada"},
       {"fall med skada", "Fall med skada"},
       {"fall med fraktur", "Fall med skada"}}}},
    {{"läkemedel", "Läkemedel"},
     35,
     {{{"utebliven dos", "Utebliven dos"},
       {"fel dos", "Fel dos"},
       {"signering saknas", "Dokumentation"}}}},
    {{"medicinteknisk produkt", "Medicinteknisk produkt/Rehab"},
     8,
     {{{"trasigt hjälpmedel", "Hjälpmedel"},
       {"fel användning", "Hjälpmedel"},
       {"larm fungerade inte", "Larm och telefoni"}}}},
    {{"informationshantering", "Informationshantering internt"},
     12,
     {{{"dokumentation saknas", "Dokumentation"},
       {"fel mottagare", "Sekretess"},
       {"sen överrapportering", "Informationsöverföring"}}}},
};
constexpr Kategori kSocialKategorier[] = {
    {{"utebliven insats", "Utebliven insats"},
     30,
     {{{"missat besök", "Insats ej utförd"},
       {"sen insats", "Insats ej utförd"},
       {"insats utförd av fel person", "Omsorg"}}}},
    {{"bemötande", "Bemötande"},
     15,
     {{{"otrevligt bemötande", "Bemötande och förhållningssätt"},
       {"kränkande behandling", "Bemötande och förhållningssätt"},
       {"bristande delaktighet", "Bemötande och förhållningssätt"}}}},
    {{"hot och våld", "Hot och våld"},
     15,
     {{{"hot", "Trygghet"},
       {"våld mellan brukare", "Trygghet"},
       {"våld mot personal", "Trygghet"}}}},
    {{"informationshantering", "Informationshantering internt"},
     15,
     {{{"dokumentation saknas", "Dokumentation"},
       {"fel mottagare", "Sekretess"},
       {"sekretess", "Sekretess"}}}},
    {{"genomförande", "Genomförande"},
     25,
     {{{"genomförandeplan ej följd", "Genomförandeplan"},
       {"tillsyn uteblev", "Insats ej utförd"},
       {"rutin ej följd", "Omsorg"}}}},
};

template <std::size_t N>
const Kategori& pickKategori(Random& random, const Kategori (&choices)[N]) {
  int sum = 0;
  for (const Kategori& c : choices) sum += c.weight;
  std::int64_t r = random.below(sum);
  for (const Kategori& c : choices) {
    if (r < c.weight) return c;
    r -= c.weight;
  }
  return choices[N - 1];
}

// Incident reports: äldreomsorg and funktionsstöd report most, the stab least. The lagrum
// follows the area (HSL beside SoL/LSS where nurses work). The person is a pseudonym ("B0123")
// from a pool of about one person per four reports, so that the report counts repeat persons.
std::int64_t writeAvvikelser(const std::filesystem::path& path, std::int64_t rows,
                             const LedgerTally& tally) {
  Random random(kSeed ^ 0xa77ULL);
  const WeightedChoice areaChoice({40, 25, 12, 18, 5});
  const std::size_t perArea = tally.units().size() / kAreas.size();
  const std::int64_t persons = std::max<std::int64_t>(rows / 4, 20);
  std::int64_t id = 0;
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "id;registrerad;ansvar;lagrum;typ;kategori;handelsetyp;person\n";
    for (int month = 1; month <= 12; ++month) {
      const std::int64_t inMonth = rows * month / 12 - rows * (month - 1) / 12;
      for (std::int64_t i = 0; i < inMonth; ++i) {
        const std::size_t area = areaChoice.pick(random);
        const std::size_t unit =
            area + kAreas.size() *
                       static_cast<std::size_t>(random.below(static_cast<std::int64_t>(perArea)));
        std::string_view lagrum = "SoL";
        if (area == 0 && random.percent(45)) lagrum = "HSL";
        if (area == 1) lagrum = random.percent(70) ? "LSS" : "HSL";
        if (area == 3) lagrum = "HSL";
        const bool hsl = lagrum == "HSL";
        const std::string_view typ =
            hsl ? pickText(random, kHslTypes) : pickText(random, kSocialTypes);
        const Kategori& kategori =
            hsl ? pickKategori(random, kHslKategorier) : pickKategori(random, kSocialKategorier);
        b += "AVV-";
        appendNumber(b, kYear);
        b += '-';
        appendNumber(b, ++id, 6);
        b += ';';
        appendNumber(b, kYear);
        b += '-';
        appendNumber(b, month, 2);
        b += '-';
        appendNumber(b, random.between(1, lastDayOf(month)), 2);
        b.append(";").append(tally.units()[unit].code).append(";").append(lagrum).append(";");
        b.append(typ).append(";").append(kategori.name.source).append(";");
        b.append(kategori.handelsetyper[static_cast<std::size_t>(random.below(3))].source);
        b += ";B";
        appendNumber(b, random.below(persons), 4);
        b += '\n';
        out.lineDone();
      }
    }
  });
  return rows;
}

// Σ öre per (ansvar, report row, period), sorted bytewise as SQL's ORDER BY sorts text.
std::int64_t writeFacit(const std::filesystem::path& path, const LedgerTally& tally) {
  struct Line {
    std::string ansvar;
    std::string_view rad;
    int period;
    std::int64_t ore;
    std::int64_t rows;
  };
  std::vector<Line> lines;
  for (std::size_t u = 0; u < tally.units().size(); ++u)
    for (std::size_t a = 0; a < std::size(kAccounts); ++a)
      for (int m = 1; m <= 12; ++m) {
        const LedgerTally::Cell& cell = tally.at(u, a, m);
        if (cell.rows == 0) continue;
        lines.push_back(
            {tally.units()[u].code, radFor(kAccounts[a].konto), kYear * 100 + m, cell.ore, 1});
      }
  std::sort(lines.begin(), lines.end(), [](const Line& x, const Line& y) {
    return std::tie(x.ansvar, x.rad, x.period) < std::tie(y.ansvar, y.rad, y.period);
  });
  std::vector<Line> merged;
  for (const Line& line : lines) {
    if (!merged.empty() && merged.back().ansvar == line.ansvar && merged.back().rad == line.rad &&
        merged.back().period == line.period)
      merged.back().ore += line.ore;
    else
      merged.push_back(line);
  }
  writeFile(path, [&](OutFile& out) {
    std::string& b = out.buffer();
    b += "ansvar;rad;period;ore\n";
    for (const Line& line : merged) {
      b.append(line.ansvar).append(";").append(line.rad).append(";");
      appendNumber(b, line.period);
      b += ';';
      appendNumber(b, line.ore);
      b += '\n';
      out.lineDone();
    }
  });
  return static_cast<std::int64_t>(merged.size());
}

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;  // no control characters in paths
    out += c;
  }
  return out + "\"";
}

// {"source": "report", …} of one taxonomy key, every source name once (a source name the
// tables give two report names would make the config refuse the map).
std::string taxonomyMap(const std::vector<Named>& names) {
  std::map<std::string_view, std::string_view> map;
  for (const Named& n : names) {
    const auto [at, inserted] = map.emplace(n.source, n.report);
    if (!inserted && at->second != n.report)
      throw std::logic_error("a generated avvikelse category has two report names");
  }
  std::string out = "{";
  for (const auto& [source, report] : map) {
    if (out.size() > 1) out += ", ";
    out += jsonString(source) + ": " + jsonString(report);
  }
  return out + "}";
}

// "avvikelser.taxonomi": every typ, kategori and händelsetyp writeAvvikelser writes (lagrum is
// written as SoL, LSS and HSL, the report's own names).
std::string avvikelseTaxonomy() {
  std::vector<Named> typ = {{"Avvikelse", "avvikelse"},
                            {"Synpunkt/klagomål", "klagomal"},
                            {"Lex Sarah", "lex_sarah"},
                            {"Lex Maria", "lex_maria"}};
  std::vector<Named> kategori, handelsetyp;
  auto add = [&](const auto& kategorier) {
    for (const Kategori& k : kategorier) {
      kategori.push_back(k.name);
      for (const Named& h : k.handelsetyper) handelsetyp.push_back(h);
    }
  };
  add(kHslKategorier);
  add(kSocialKategorier);
  auto check = [&](const auto& types) {
    for (const Weighted& t : types)
      if (std::none_of(typ.begin(), typ.end(), [&](const Named& n) { return n.source == t.text; }))
        throw std::logic_error("a generated avvikelse typ is not in the taxonomy");
  };
  check(kHslTypes);
  check(kSocialTypes);
  return "{\n      \"typ\": " + taxonomyMap(typ) +
         ",\n      \"kategori\": " + taxonomyMap(kategori) +
         ",\n      \"handelsetyp\": " + taxonomyMap(handelsetyp) + "\n    }";
}

void writeConfig(const std::filesystem::path& path, const std::string& ledger,
                 std::string_view ledgerFormat, std::string_view suffix,
                 const std::filesystem::path& templatesDir) {
  const SieDimensionMap dims = generatedSieDimensions();
  const std::string ledgerEntry =
      ledgerFormat == "sie"
          ? "{\"fil\": " + jsonString(ledger) +
                ", \"format\": \"sie\", \"sie\": {\"ansvar\": " + std::to_string(dims.ansvar) +
                ", \"projekt\": " + std::to_string(dims.projekt) +
                ", \"verksamhet\": " + std::to_string(dims.verksamhet) + "}}"
          : jsonString(ledger);
  writeFile(path, [&](OutFile& out) {
    out.buffer() +=
        "{\n  \"kommun\": \"Benchköpings kommun\",\n"
        "  \"namnd\": \"Socialnämnden\",\n"
        "  \"forvaltning\": \"Socialförvaltningen\",\n"
        "  \"forfattare\": \"namnd_bench_ingest\",\n"
        "  \"publicerbara_kolumner\": [\"huvudbok.text\", \"huvudbok.motpart\", "
        "\"huvudbok.vernr\", \"prognos.kommentar\", \"prognos.atgard\"],\n"
        "  \"lager\": \"sqlite:lager" +
        std::string(suffix) + ".sqlite\",\n  \"utdata\": \"utdata" + std::string(suffix) +
        "\",\n  \"mallar\": " +
        jsonString(std::filesystem::absolute(templatesDir).lexically_normal().string()) +
        ",\n  \"avrundning\": \"per_cell\",\n"
        "  \"org\": {\n    \"fil\": \"org.csv\",\n"
        "    \"nivaer\": [\"Nämnd\", \"Verksamhetsområde\", \"Enhet\", \"Ansvar\"],\n"
        "    \"rapportniva\": 2\n  },\n"
        "  \"kontoplan\": \"kontoplan.csv\",\n"
        "  \"huvudbok\": [" +
        ledgerEntry +
        "],\n"
        "  \"budget\": [{\"fil\": \"budget.csv\", \"periodisering\": \"linjar\"}],\n"
        "  \"hr\": [\"hr.csv\"],\n"
        "  \"delarsrapport\": {\n"
        "    \"handlaggare\": \"Maria Lind\",\n"
        "    \"handlaggare_titel\": \"Controller\",\n"
        "    \"datum\": \"2025-09-18\",\n"
        "    \"diarienummer\": \"SN 2025/87\",\n"
        "    \"beslutsunderlag\": [\"{rapport} per {per.datum} för {namnd}\"],\n"
        "    \"forslag_till_beslut\": \"{namnd} godkänner {rapport.gemen} per {per.datum}.\",\n"
        "    \"underskrifter\": [{\"namn\": \"Eva Berg\", \"titel\": \"Socialchef\"},\n"
        "                     {\"namn\": \"Maria Lind\", \"titel\": \"Controller\"}],\n"
        "    \"expedieras_till\": [\"Kommunstyrelsen\"]\n"
        "  },\n"
        "  \"avvikelser\": {\n"
        "    \"handlaggare\": \"Anna Holm\",\n"
        "    \"handlaggare_titel\": \"Medicinskt ansvarig sjuksköterska\",\n"
        "    \"datum\": \"2025-08-20\",\n"
        "    \"diarienummer\": \"SN 2025/112\",\n"
        "    \"forslag_till_beslut\": \"{namnd} godkänner redovisningen av avvikelser för "
        "{period.text}.\",\n"
        "    \"underskrifter\": [{\"namn\": \"Karin Ek\", \"titel\": \"Socialt ansvarig "
        "samordnare\"},\n"
        "                     {\"namn\": \"Anna Holm\", \"titel\": \"Medicinskt ansvarig "
        "sjuksköterska\"}],\n"
        "    \"register\": [\"avvikelser.csv\"],\n"
        "    \"taxonomi\": " +
        avvikelseTaxonomy() +
        ",\n"
        "    \"personer_minst\": 5,\n"
        "    \"underrapportering\": {\"minst_per_10000_timmar\": 1},\n"
        "    \"niva\": 3\n"
        "  }\n}\n";
  });
}

struct RunManifest {
  int version = 0;
  std::int64_t rows = 0, ledgerOre = 0, budgetRows = 0, budgetOre = 0, hrRows = 0,
               avvikelseRows = 0, facitRows = 0;
};

constexpr std::string_view kRunDataFiles[] = {"org.csv", "kontoplan.csv",  "budget.csv",
                                              "hr.csv",  "avvikelser.csv", "facit.csv"};

std::optional<RunManifest> readRunManifest(const std::filesystem::path& dir) {
  for (const std::string_view name : kRunDataFiles)
    if (!std::filesystem::is_regular_file(dir / name)) return std::nullopt;
  std::ifstream in(dir / "korning.manifest");
  RunManifest m;
  std::string key;
  if (!(in >> key >> m.version) || key != "version") return std::nullopt;
  for (auto [name, value] : {std::pair<std::string_view, std::int64_t*>{"rows", &m.rows},
                             {"ledger_ore", &m.ledgerOre},
                             {"budget_rows", &m.budgetRows},
                             {"budget_ore", &m.budgetOre},
                             {"hr_rows", &m.hrRows},
                             {"avvikelse_rows", &m.avvikelseRows},
                             {"facit_rows", &m.facitRows}}) {
    if (!(in >> key >> *value) || key != name) return std::nullopt;
  }
  return m;
}

void writeRunManifest(const std::filesystem::path& dir, const RunManifest& m) {
  writeFile(dir / "korning.manifest", [&](OutFile& out) {
    out.buffer() += "version " + std::to_string(m.version) + "\nrows " + std::to_string(m.rows) +
                    "\nledger_ore " + std::to_string(m.ledgerOre) + "\nbudget_rows " +
                    std::to_string(m.budgetRows) + "\nbudget_ore " + std::to_string(m.budgetOre) +
                    "\nhr_rows " + std::to_string(m.hrRows) + "\navvikelse_rows " +
                    std::to_string(m.avvikelseRows) + "\nfacit_rows " +
                    std::to_string(m.facitRows) + "\n";
  });
}

}  // namespace

std::string_view formatName(LedgerFormat format) {
  switch (format) {
    case LedgerFormat::Csv:
      return "csv";
    case LedgerFormat::Xlsx:
      return "xlsx";
    case LedgerFormat::Sie:
      return "sie";
  }
  return "";
}

std::optional<LedgerFormat> parseLedgerFormat(std::string_view name) {
  for (const LedgerFormat f : {LedgerFormat::Csv, LedgerFormat::Xlsx, LedgerFormat::Sie})
    if (formatName(f) == name) return f;
  return std::nullopt;
}

SieDimensionMap generatedSieDimensions() {
  SieDimensionMap dims;
  dims.ansvar = 1;
  dims.verksamhet = 20;
  dims.projekt = 6;
  return dims;
}

std::filesystem::path ledgerFileName(LedgerFormat format, std::int64_t rows) {
  const std::string_view extension = format == LedgerFormat::Sie ? "se" : formatName(format);
  return "huvudbok-" + std::to_string(rows) + "." + std::string(extension);
}

GeneratedLedger writeLedger(LedgerFormat format, std::int64_t rows,
                            const std::filesystem::path& path) {
  if (rows < 1) throw std::invalid_argument("antalet rader måste vara minst 1");
  if (format == LedgerFormat::Xlsx && rows + 1 > kXlsxMaxRows)
    throw std::invalid_argument("ett XLSX-blad rymmer högst " + std::to_string(kXlsxMaxRows - 1) +
                                " rader under rubrikraden");
  const std::filesystem::path temporary = path.string() + ".tmp";
  GeneratedLedger result;
  result.path = path;
  result.rows = rows;
  switch (format) {
    case LedgerFormat::Csv:
      result.totalOre = writeCsv(rows, temporary);
      break;
    case LedgerFormat::Xlsx:
      result.totalOre = writeXlsx(rows, temporary);
      break;
    case LedgerFormat::Sie:
      result.totalOre = writeSie(rows, temporary);
      break;
  }
  std::filesystem::rename(temporary, path);
  result.bytes = std::filesystem::file_size(path);
  return result;
}

GeneratedLedger ensureLedger(LedgerFormat format, std::int64_t rows,
                             const std::filesystem::path& dir) {
  const std::filesystem::path path = dir / ledgerFileName(format, rows);
  std::error_code error;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (const auto m = readManifest(path);
      !error && m && m->version == kGeneratorVersion && m->rows == rows && m->bytes == size)
    return {path, rows, m->totalOre, size, true};
  std::filesystem::create_directories(dir);
  GeneratedLedger ledger = writeLedger(format, rows, path);
  writeManifest(ledger);
  return ledger;
}

GeneratedRun ensureRun(std::int64_t rows, const std::filesystem::path& dir,
                       const std::filesystem::path& templatesDir) {
  const GeneratedLedger csv = ensureLedger(LedgerFormat::Csv, rows, dir);
  const GeneratedLedger sie = ensureLedger(LedgerFormat::Sie, rows, dir);
  GeneratedRun run;
  run.dir = dir / ("korning-" + std::to_string(rows));
  run.config = run.dir / "namnd.json";
  run.sieConfig = run.dir / "namnd-sie.json";
  run.facit = run.dir / "facit.csv";
  std::optional<RunManifest> m = readRunManifest(run.dir);
  if (m && m->version == kRunVersion && m->rows == rows && m->ledgerOre == csv.totalOre) {
    run.reused = true;
  } else {
    std::filesystem::create_directories(run.dir);
    const LedgerTally tally(rows);
    if (tally.total() != csv.totalOre || tally.total() != sie.totalOre)
      throw std::logic_error("the ledger tally differs from the written ledger");
    m = RunManifest{.version = kRunVersion, .rows = rows, .ledgerOre = tally.total()};
    writeOrg(run.dir / "org.csv", tally.units());
    writeKontoplan(run.dir / "kontoplan.csv");
    const BudgetTotals budget = writeBudget(run.dir / "budget.csv", tally);
    m->budgetRows = budget.rows;
    m->budgetOre = budget.ore;
    m->hrRows = writeHr(run.dir / "hr.csv", std::max<std::int64_t>(rows / 10, 1), tally);
    m->avvikelseRows =
        writeAvvikelser(run.dir / "avvikelser.csv", std::max<std::int64_t>(rows / 100, 1), tally);
    m->facitRows = writeFacit(run.facit, tally);
    writeRunManifest(run.dir, *m);
  }
  // The configs name the templates folder, which may differ between calls: always rewritten.
  writeConfig(run.config, "../" + csv.path.filename().string(), "csv", "", templatesDir);
  writeConfig(run.sieConfig, "../" + sie.path.filename().string(), "sie", "-sie", templatesDir);
  run.ledgerRows = rows;
  run.ledgerOre = m->ledgerOre;
  run.budgetRows = m->budgetRows;
  run.budgetOre = m->budgetOre;
  run.hrRows = m->hrRows;
  run.avvikelseRows = m->avvikelseRows;
  run.facitRows = m->facitRows;
  return run;
}

}  // namespace namnd::bench
