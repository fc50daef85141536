#pragma once

#include <QString>

#include <exception>

namespace ordo {

// The one exception type the core throws. Front ends catch it at their boundary: the command line maps the
// kind to an exit code, the console shows the message. Messages are written for the person who has to act.
class Error : public std::exception {
public:
    enum class Kind {
        Input,    // the data handed in is wrong (a file, a field, a value); exit code 3
        State,    // the action is not allowed in the current state; exit code 3
        NotFound, // the thing named does not exist; exit code 3
        Denied,   // the acting user may not do this; exit code 3
        Storage,  // the database failed or refused; exit code 1
        Usage,    // the caller used an interface wrongly (a bad option); exit code 2
    };

    Error(Kind kind, QString message, QString code = {});

    Kind kind() const noexcept { return m_kind; }
    const QString& message() const noexcept { return m_message; }
    // The database's own code for a storage error, when it gave one: PostgreSQL's SQLSTATE ("40P01"), or
    // SQLite's result code as "sqlite:<number>" ("sqlite:5" is SQLITE_BUSY). Empty otherwise. Code decides on
    // it (TransactionRunner retries a deadlock), never on the message's wording.
    const QString& code() const noexcept { return m_code; }
    const char* what() const noexcept override { return m_utf8.constData(); }

    static Error input(const QString& message) { return {Kind::Input, message}; }
    static Error state(const QString& message) { return {Kind::State, message}; }
    static Error notFound(const QString& message) { return {Kind::NotFound, message}; }
    static Error denied(const QString& message) { return {Kind::Denied, message}; }
    static Error storage(const QString& message, const QString& code = {}) {
        return {Kind::Storage, message, code};
    }
    static Error usage(const QString& message) { return {Kind::Usage, message}; }

private:
    Kind m_kind;
    QString m_message;
    QString m_code;
    QByteArray m_utf8;
};

} // namespace ordo
