// Slotline console: the company switcher submits itself; Today's "calls now" follow the server's event stream.
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  var table = document.getElementById("live-calls");
  if (!table || !window.EventSource) { return; }
  var body = table.querySelector("tbody");
  var empty = document.getElementById("live-empty");
  var pulse = document.querySelector(".pulse");
  var labels = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent; });
  var source = new EventSource(table.getAttribute("data-live"));

  function cell(row, label, text, href) {
    var td = document.createElement("td");
    td.setAttribute("data-label", label);
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
  }

  function setCount(id, value) {
    var el = document.getElementById(id);
    if (el && value !== undefined && value !== null) { el.textContent = String(value); }
  }

  source.addEventListener("today", function (event) {
    var data = JSON.parse(event.data);
    var known = {};
    body.querySelectorAll("tr[data-call]").forEach(function (tr) { known[tr.getAttribute("data-call")] = true; });
    body.textContent = "";
    data.calls.forEach(function (call) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-call", String(call.id));
      if (!known[String(call.id)]) { tr.className = "fresh"; }
      var i = 0;
      cell(tr, labels[i++], call.started, call.href);
      cell(tr, labels[i++], call.caller);
      if (data.operator) { cell(tr, labels[i++], call.company); }
      cell(tr, labels[i++], String(call.functions));
      cell(tr, labels[i++], call.last || "");
      body.appendChild(tr);
    });
    empty.classList.toggle("hidden", data.calls.length > 0);
    setCount("count-live", data.calls.length);
    setCount("count-calls", data.callsToday);
    setCount("count-bookings", data.bookings);
    setCount("count-callbacks", data.openCallbacks);
    setCount("count-failed", data.failed);
    if (pulse) { pulse.classList.remove("off"); }
  });
  source.onerror = function () {
    if (pulse) { pulse.classList.add("off"); }
    // a stream answered with the sign-in page (session over) is closed: show the sign-in page
    if (source.readyState === EventSource.CLOSED) { window.location.reload(); }
  };
}());
