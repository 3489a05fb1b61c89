#include "vssfault/scenario/source_keys.h"

#include <algorithm>
#include <iterator>

namespace vssfault::scenario {
namespace {

// semantics.md §0.2, table by table.
constexpr std::string_view kKeys[] = {
    "S1", "S2", "S3", "S4", "S5",
    "OPBV", "OBI", "OBD", "OPB", "OAB", "OBT", "SCD", "SSC", "DWS", "EEH", "ELOG", "WEV", "ABRT", "BSD", "WRT",
    "SCCP", "SCPROC", "STSP", "RBSP", "PRL", "ORI", "OPR", "ORC",
    "IFB", "GWM", "SBS", "SCTX", "SSS", "ATS", "PFB", "DSS", "GWS", "GWSC", "GWST", "GWSX", "FWS", "BC", "AB",
    "PRE", "POSTR", "AQS", "AW", "AC", "VWS", "VAL", "INIT", "SUB", "ONID", "ONPB", "ONPS", "ONFR", "ONTH",
    "ONPOST", "ONAB", "ONBC", "ONBS", "ONPRE", "ONPOSTR", "SF", "EPS", "PCS", "CS", "POCS", "PFCS", "POFCS", "AS",
    "OL", "OU", "SWBPS", "HWBPS", "ALS", "GTL", "OLSC",
    "WSVSS", "KB915331", "KB975688", "QEMU-GA",
    "LC", "HE", "GP", "RV", "JS", "EC", "JC", "JCO", "JR", "JSU", "JGS", "NPT", "MRD", "GEC", "SNF", "AF", "EGE",
    "EGF", "EGP", "EGD", "EGCD", "CBJE", "RP", "GRP",
    "WT", "WI",
};

bool is_decision(std::string_view key) {
  // D1 ... D22, also written as in the specification's own cross references: "§8-D9".
  if (key.substr(0, 4) == "§8-") key.remove_prefix(4);
  if (key.size() < 2 || key.size() > 3 || key[0] != 'D') return false;
  int n = 0;
  for (char c : key.substr(1)) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= 22 && key[1] != '0';
}

}  // namespace

std::span<const std::string_view> source_keys() { return kKeys; }

bool is_source_key(std::string_view key) {
  return key == "H" || is_decision(key) || std::find(std::begin(kKeys), std::end(kKeys), key) != std::end(kKeys);
}

}  // namespace vssfault::scenario
