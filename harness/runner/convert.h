#pragma once
// From the scenario's words to the model's types. The scenario's enums (scenario/vocabulary.h) are not
// ordered like the model's, so every conversion goes by name or by an explicit table, never by a cast.
#include <cstdint>
#include <string>

#include "vssfault/bits/reference_client.h"
#include "vssfault/bits/types.h"
#include "vssfault/scenario/vocabulary.h"
#include "vssfault/vss/provider.h"
#include "vssfault/vss/types.h"

namespace vssfault::runner::detail {

vss::WriterEvent to_vss(scenario::WriterEvent e);
vss::ProviderMethod to_vss(scenario::ProviderMethod m);
vss::ApplicationLevel to_vss(scenario::WriterLevel l);
vss::ProviderType to_vss(scenario::ProviderKind k);
vss::BackupType to_vss(scenario::BackupType t);
bits::JobType to_bits(scenario::JobType t);
bits::ErrorContext to_bits(scenario::ErrorContext c);
bits::WatchMode to_bits(scenario::NotifyMode m);
bits::ErrorPolicy to_bits(scenario::OnError e);
/// A BG_NOTIFY_* mask of the scenario (bit by bit, by name).
std::uint32_t notify_mask(std::uint32_t scenario_mask);
/// VSS_CTX_* for a SetContext step's `context` choice ("backup", "file-share-backup", ...).
std::int32_t snapshot_context(const std::string& choice);
/// VSS_BACKUP_TYPE for a SetBackupState step's `backup_type` choice ("full", ...).
vss::BackupType backup_type(const std::string& choice);

/// The scenario's spelling of model values, for comparing with expectations and for messages.
std::string job_state_name(bits::JobState s);         ///< "BG_JOB_STATE_ERROR"
std::string error_context_name(bits::ErrorContext c); ///< "BG_ERROR_CONTEXT_REMOTE_FILE"

}  // namespace vssfault::runner::detail
