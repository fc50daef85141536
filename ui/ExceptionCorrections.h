#pragma once

#include "model/Actor.h"
#include "orders/OrderCorrections.h"

#include <QObject>
#include <QPointer>
#include <QSet>

#include <optional>

class QDialog;
class QPushButton;
class QWidget;

namespace ordo::ui {

class AddressDialog;
class CorrectionBackend;
class MapSkuDialog;
class OrderBackend;

// The correction actions of the Exceptions view: "Edit address…", "Map SKU…" and "Validate again" on the one
// selected order. It learns what the order is held for (OrderCorrections::context, in the database thread)
// when the selection changes, enables each button only where it applies, opens the dialogs, runs the
// correction and says in the status bar whether the order was released or what still holds it.
class ExceptionCorrections : public QObject {
    Q_OBJECT

public:
    ExceptionCorrections(OrderBackend* backend, const Actor& actor, QWidget* parent);

    QPushButton* editAddressButton() const { return m_editAddress; }
    QPushButton* mapSkuButton() const { return m_mapSku; }
    QPushButton* revalidateButton() const { return m_revalidate; }
    CorrectionBackend* backend() const { return m_backend; }

    // The order the buttons act on (0: none, or several selected).
    void setOrder(qint64 orderId);
    const std::optional<CorrectionContext>& context() const { return m_context; }
    bool isBusy() const { return !m_tickets.isEmpty(); }

    // The dialogs, opened window-modal; the correction runs when one is accepted.
    AddressDialog* editAddress();
    MapSkuDialog* mapSku();
    // The actions without their dialogs.
    void correctShipTo(const Address& address, const QString& note);
    void mapSkuOf(int lineNo, const QString& skuCode, bool remember);
    void mapSkuEverywhere(const QString& code, const QString& skuCode, bool remember);
    void revalidate();

    // Reasons an address correction can settle: the address rules, and manual holds about the address.
    static bool isAddressReason(const QString& code);

signals:
    void statusMessage(const QString& message);
    void orderChanged(qint64 orderId);
    // A correction finished (changed or not): the queue should be loaded again.
    void finished();
    void failed(const QString& error);
    void contextLoaded(qint64 orderId);

private:
    void onContext(quint64 generation, const CorrectionContext& context);
    void onCorrected(quint64 ticket, const QList<BulkMapResult>& results, const QString& error);
    void started(quint64 ticket, const QString& message);
    void updateButtons();

    CorrectionBackend* m_backend;
    Actor m_actor;
    QWidget* m_parent;
    QPushButton* m_editAddress;
    QPushButton* m_mapSku;
    QPushButton* m_revalidate;
    qint64 m_orderId = 0;
    quint64 m_generation = 0;
    bool m_loading = false; // the context of m_orderId is on its way
    std::optional<CorrectionContext> m_context;
    QSet<quint64> m_tickets;
    QString m_bulkLabel; // "'XJ-9' -> SKU-3", for the message of a bulk mapping
};

} // namespace ordo::ui
