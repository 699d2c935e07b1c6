#pragma once

#include <QLoggingCategory>

// The inbox models' category ("inlet.models"); common/logging.h holds the other areas'.
Q_DECLARE_LOGGING_CATEGORY(lcModels)
