#include "ExceptionCorrections.h"

#include "AddressDialog.h"
#include "CorrectionBackend.h"
#include "MapSkuDialog.h"
#include "OrderBackend.h"
#include "orders/OrderValidator.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace ordo::ui {

namespace {

QString reasonsText(const QList<ExceptionReason>& reasons) {
    QStringList texts;
    for (const ExceptionReason& r : reasons)
        texts << u"%1 (%2)"_s.arg(r.code, r.detail);
    return texts.join(u"; "_s);
}

bool heldFor(const CorrectionContext& c, const std::function<bool(const QString&)>& test) {
    return std::any_of(c.reasons.cbegin(), c.reasons.cend(),
                       [&](const ExceptionReason& r) { return test(r.code); });
}

} // namespace

ExceptionCorrections::ExceptionCorrections(OrderBackend* backend, const Actor& actor, QWidget* parent)
    : QObject(parent)
    , m_backend(new CorrectionBackend(backend, this))
    , m_actor(actor)
    , m_parent(parent)
    , m_editAddress(new QPushButton(tr("Edit address…")))
    , m_mapSku(new QPushButton(tr("Map SKU…")))
    , m_revalidate(new QPushButton(tr("Validate again"))) {
    m_editAddress->setObjectName(u"editAddressButton"_s);
    m_mapSku->setObjectName(u"mapSkuButton"_s);
    m_revalidate->setObjectName(u"revalidateButton"_s);
    connect(m_editAddress, &QPushButton::clicked, this, &ExceptionCorrections::editAddress);
    connect(m_mapSku, &QPushButton::clicked, this, &ExceptionCorrections::mapSku);
    connect(m_revalidate, &QPushButton::clicked, this, &ExceptionCorrections::revalidate);
    connect(m_backend, &CorrectionBackend::contextReady, this, &ExceptionCorrections::onContext);
    connect(m_backend, &CorrectionBackend::requestFailed, this,
            [this](quint64 generation, const QString& error) {
                if (generation != m_generation)
                    return;
                m_loading = false;
                emit statusMessage(tr("Could not read the order: %1").arg(error));
            });
    connect(m_backend, &CorrectionBackend::corrected, this, &ExceptionCorrections::onCorrected);
    updateButtons();
}

bool ExceptionCorrections::isAddressReason(const QString& code) {
    return code == OrderValidator::missingShipTo || code == OrderValidator::invalidPostalCode ||
           code == OrderValidator::postalCodeMismatch || code == OrderValidator::countryMismatch ||
           code.contains(u"ADDRESS"_s) || code.contains(u"POSTAL"_s);
}

void ExceptionCorrections::setOrder(qint64 orderId) {
    // The selection is told again on every change of the view; ask the database once per order.
    if (orderId == m_orderId && (m_context || m_loading || orderId == 0))
        return;
    m_orderId = orderId;
    m_context.reset();
    updateButtons();
    m_generation = OrderBackend::nextGeneration();
    m_loading = orderId != 0;
    if (m_loading)
        m_backend->fetchContext(m_generation, orderId);
}

void ExceptionCorrections::onContext(quint64 generation, const CorrectionContext& context) {
    if (generation != m_generation)
        return;
    m_loading = false;
    m_context = context;
    updateButtons();
    emit contextLoaded(context.orderId);
}

void ExceptionCorrections::updateButtons() {
    const bool may = m_actor.may(Permission::ResolveExceptions);
    const bool ready = may && m_context && m_context->correctable && !isBusy() &&
                       m_context->status == OrderStatus::Exception;
    m_editAddress->setEnabled(ready && heldFor(*m_context, &ExceptionCorrections::isAddressReason));
    m_mapSku->setEnabled(
        ready && !m_context->unknownLines.isEmpty() &&
        heldFor(*m_context, [](const QString& c) { return c == OrderValidator::unknownSku; }));
    m_revalidate->setEnabled(ready);
    const QString denied = tr("Your role may not correct orders");
    m_editAddress->setToolTip(may ? tr("Correct the ship-to of the selected order and validate it again")
                                  : denied);
    m_mapSku->setToolTip(
        may ? tr("Give a line the catalogue did not know its SKU and validate the order again") : denied);
    m_revalidate->setToolTip(
        may ? tr("Validate the selected order again, e.g. after a rule was switched off or an SKU added")
            : denied);
}

AddressDialog* ExceptionCorrections::editAddress() {
    if (!m_context)
        return nullptr;
    auto* dialog = new AddressDialog(*m_context, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { correctShipTo(dialog->address(), dialog->note()); });
    dialog->open();
    return dialog;
}

MapSkuDialog* ExceptionCorrections::mapSku() {
    if (!m_context)
        return nullptr;
    auto* dialog = new MapSkuDialog(*m_context, m_backend, m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->everywhere())
            mapSkuEverywhere(dialog->code(), dialog->skuCode(), dialog->remember());
        else
            mapSkuOf(dialog->lineNo(), dialog->skuCode(), dialog->remember());
    });
    dialog->open();
    return dialog;
}

void ExceptionCorrections::started(quint64 ticket, const QString& message) {
    m_tickets.insert(ticket);
    emit statusMessage(message);
    updateButtons();
}

void ExceptionCorrections::correctShipTo(const Address& address, const QString& note) {
    if (m_orderId != 0)
        started(m_backend->correctShipTo(m_orderId, address, m_actor, note), tr("Correcting the address…"));
}

void ExceptionCorrections::mapSkuOf(int lineNo, const QString& skuCode, bool remember) {
    if (m_orderId != 0)
        started(m_backend->mapSku(m_orderId, lineNo, skuCode, m_actor, remember), tr("Mapping the SKU…"));
}

void ExceptionCorrections::mapSkuEverywhere(const QString& code, const QString& skuCode, bool remember) {
    m_bulkLabel = u"'%1' → %2"_s.arg(code, skuCode);
    started(m_backend->mapSkuEverywhere(code, skuCode, m_actor, remember),
            tr("Mapping '%1' on every held order…").arg(code));
}

void ExceptionCorrections::revalidate() {
    if (m_orderId != 0)
        started(m_backend->revalidate(m_orderId, m_actor), tr("Validating again…"));
}

void ExceptionCorrections::onCorrected(quint64 ticket, const QList<BulkMapResult>& results,
                                       const QString& error) {
    if (!m_tickets.remove(ticket))
        return;
    const QString number = m_context ? m_context->orderNumber : QString::number(m_orderId);
    QString message;
    if (!error.isEmpty()) {
        message = tr("Order %1 was not changed: %2").arg(number, error);
        emit failed(error);
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Order %1 was not changed").arg(number), error,
                                    QMessageBox::Ok, m_parent);
        box->setObjectName(u"correctionErrorBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    } else if (results.size() == 1 && results.first().lineNos.isEmpty() && results.first().outcome) {
        const CorrectionOutcome& o = *results.first().outcome;
        if (o.released)
            message = tr("Order %1 released: it passes every rule.").arg(o.orderNumber);
        else if (o.after == OrderStatus::Exception)
            message = tr("Order %1 is still held: %2").arg(o.orderNumber, reasonsText(o.remaining));
        else
            message = tr("Order %1 corrected; it is %2.").arg(o.orderNumber, orderStatusCode(o.after));
        emit orderChanged(o.orderId);
    } else {
        int released = 0, held = 0, refused = 0;
        QStringList refusals;
        for (const BulkMapResult& r : results) {
            if (!r.outcome) {
                ++refused;
                refusals << tr("%1: %2").arg(r.orderNumber, r.error);
                continue;
            }
            (r.outcome->released ? released : held) += 1;
            emit orderChanged(r.orderId);
        }
        message = tr("Mapped %1 on %n order(s): %2 released, %3 still held, %4 refused.", nullptr,
                     int(results.size()))
                      .arg(m_bulkLabel)
                      .arg(released)
                      .arg(held)
                      .arg(refused);
        if (!refusals.isEmpty())
            emit failed(refusals.join(u"\n"_s));
    }
    emit statusMessage(message);
    // The order may have left the queue or changed its reasons: ask again.
    const qint64 id = m_orderId;
    m_orderId = 0;
    setOrder(id);
    emit finished();
}

} // namespace ordo::ui
