#pragma once

#include "model/Actor.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace ordo {

// The catalogue of validation rules: each has a stable reason code (the code of the ExceptionReason it
// raises), a description, whether it runs by default, and its parameters with their default values.
struct ValidationRuleInfo {
    QString code;
    QString description;
    bool enabledByDefault = true;
    QMap<QString, QString> defaults; // parameter -> default value (integers as decimal text)
};

// Which rules run and with which parameters: the defaults, overridden by the rows of validation_rules.
class ValidationSettings {
public:
    static const QList<ValidationRuleInfo>& catalogue();
    static const ValidationRuleInfo* info(const QString& code);

    // Every rule with its default setting.
    ValidationSettings() = default;

    bool enabled(const QString& code) const;
    QString param(const QString& code, const QString& key) const;
    qint64 intParam(const QString& code, const QString& key) const;
    // Effective parameters of a rule (defaults with the overrides).
    QMap<QString, QString> params(const QString& code) const;

    // Sets a rule on or off and some of its parameters. Throws Error::input for an unknown code, an unknown
    // parameter or a value of the wrong kind.
    void set(const QString& code, bool enabled, const QMap<QString, QString>& params = {});

    // What differs from the defaults for one rule, as stored (orders/ValidationStore reads and writes it).
    struct Override {
        bool enabled = true;
        QMap<QString, QString> params;
    };
    std::optional<Override> override(const QString& code) const;
    // Puts back a stored setting as it was saved, without the checks of set().
    void restore(const QString& code, bool enabled, const QMap<QString, QString>& params);

private:
    QHash<QString, Override> m_overrides;
};

} // namespace ordo
