#pragma once
// The writer-event table now lives in the installed detail header (the coverage layer reads it too).
#include "vssfault/vss/detail/writer_events.h"
