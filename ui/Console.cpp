#include "Console.h"

#include "Error.h"
#include "MainWindow.h"
#include "storage/Database.h"

#include <QApplication>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

// The translation context of runConsole's own texts.
struct ConsoleText {
    Q_DECLARE_TR_FUNCTIONS(ordo::ui::Console)
};

void installTranslator() {
    auto* translator = new QTranslator(qApp);
    if (translator->load(QLocale(), u"ordo"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace

int runConsole(const ConsoleOptions& options) {
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(u"Ordo"_s);
    if (QCoreApplication::applicationName().isEmpty())
        QCoreApplication::setApplicationName(u"ordo"_s);
    installTranslator();
    QApplication::setWindowIcon(QIcon(u":/ordo/icons/ordo.svg"_s));

    MainWindow::DatabaseInfo info;
    try {
        // Opened (and migrated) here, on the GUI thread, so that a failure is reported before any window
        // shows; the console's worker thread then opens its own connection to the same database.
        const Database database = Database::open(options.databaseUrl);
        info = {database.url(), database.displayName(), database.isCentral()};
    } catch (const Error& error) {
        QMessageBox::critical(nullptr, ConsoleText::tr("Ordo cannot open the database"),
                              ConsoleText::tr("The database %1 could not be opened.\n\n%2")
                                  .arg(options.databaseUrl, error.message()));
        return 1;
    }

    MainWindow window(info, options.actor);
    window.show();
    return QApplication::exec();
}

} // namespace ordo::ui
