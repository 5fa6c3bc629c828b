/* The light participant pages work without this script. With it:
   - an answer is sent in the background, and when the connection is gone it waits on this
     device (localStorage) and is sent as soon as the connection is back;
   - in the list view each choice is saved the moment it is made;
   - the read-aloud button speaks the question with a Dutch voice (hidden when the device has none). */
(function () {
  "use strict";
  var QUEUE = "lco-deelnemen-wachtrij";
  var notice = document.querySelector("[data-lco-melding]");
  var texts = { offline: "", online: "" };

  function say(message) {
    if (!notice) { return; }
    notice.textContent = message;
    notice.hidden = !message;
  }
  function queued() {
    try { return JSON.parse(window.localStorage.getItem(QUEUE) || "[]"); } catch (e) { return []; }
  }
  function keep(list) {
    try { window.localStorage.setItem(QUEUE, JSON.stringify(list)); } catch (e) { /* private mode: nothing kept */ }
  }
  function post(action, fields) {
    var body = new URLSearchParams();
    Object.keys(fields).forEach(function (name) { body.append(name, fields[name]); });
    return window.fetch(action, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Lco-Fetch": "1" }
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) { var error = new Error(data.fout || ""); error.refused = true; throw error; }
        return data;
      });
    });
  }
  function flush() {
    var list = queued();
    if (!list.length) { return Promise.resolve(null); }
    var first = list[0];
    return post(first.action, first.fields).then(function (data) {
      keep(queued().slice(1));
      return flush().then(function (later) { return later || data; });
    }, function (error) {
      if (error.refused) { keep(queued().slice(1)); say(error.message); }
      throw error;
    });
  }
  function send(action, fields, next) {
    var list = queued();
    list.push({ action: action, fields: fields, next: next || "" });
    keep(list);
    return flush().then(function (data) {
      say("");
      return data;
    }, function (error) {
      if (!error.refused) { say(texts.offline); }
      throw error;
    });
  }
  function fieldsOf(form, submitter) {
    var fields = {};
    new FormData(form).forEach(function (value, name) { fields[name] = value; });
    if (submitter && submitter.name) { fields[submitter.name] = submitter.value; }
    return fields;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var offlineText = document.body.getAttribute("data-offline");
    texts.offline = offlineText || "";
    texts.online = document.body.getAttribute("data-online") || "";

    /* One item per screen: answer in the background, then go on. */
    Array.prototype.forEach.call(document.querySelectorAll("form[data-lco-antwoord]"), function (form) {
      form.addEventListener("submit", function (event) {
        var submitter = event.submitter;
        if (!submitter || !window.fetch || !window.URLSearchParams) { return; }
        event.preventDefault();
        Array.prototype.forEach.call(form.querySelectorAll(".lco-keuze"), function (b) {
          b.classList.toggle("lco-gekozen", b === submitter);
          b.setAttribute("aria-pressed", b === submitter ? "true" : "false");
        });
        var next = form.getAttribute("data-volgende");
        send(form.getAttribute("action"), fieldsOf(form, submitter), next).then(function (data) {
          window.location.assign((data && data.volgende) || next);
        }, function () { /* kept in the queue; sent when the connection is back */ });
      });
    });

    /* All items on one screen: save each choice as it is made. */
    Array.prototype.forEach.call(document.querySelectorAll("form[data-lco-lijst]"), function (form) {
      var action = form.getAttribute("data-actie");
      form.addEventListener("change", function (event) {
        var input = event.target;
        if (!input || input.type !== "radio" || !window.fetch) { return; }
        var token = form.querySelector("input[name=_xsrf]");
        var fields = { item: input.name, waarde: input.value };
        if (token) { fields._xsrf = token.value; }
        send(action, fields, "").catch(function () { /* kept in the queue */ });
      });
    });

    window.addEventListener("online", function () {
      var list = queued();
      var last = list.length ? list[list.length - 1].next : "";
      flush().then(function (data) {
        say(texts.online);
        if (last) { window.location.assign((data && data.volgende) || last); }
      }, function () { /* still offline */ });
    });
    if (queued().length && window.navigator.onLine !== false) {
      flush().then(function () { say(""); }, function () { say(texts.offline); });
    }

    /* Read aloud with the device's own Dutch voice. */
    var speaker = document.querySelector("[data-lco-voorlezen]");
    var synth = window.speechSynthesis;
    if (speaker && synth && window.SpeechSynthesisUtterance) {
      var dutch = function () {
        var voices = synth.getVoices ? synth.getVoices() : [];
        for (var i = 0; i < voices.length; i++) {
          if (String(voices[i].lang || "").toLowerCase().indexOf("nl") === 0) { return voices[i]; }
        }
        return null;
      };
      var show = function () { speaker.hidden = !dutch(); };
      show();
      if (synth.addEventListener) { synth.addEventListener("voiceschanged", show); }
      speaker.addEventListener("click", function () {
        var target = document.getElementById(speaker.getAttribute("data-lco-voorlezen"));
        var voice = dutch();
        if (!target || !voice) { return; }
        var utterance = new window.SpeechSynthesisUtterance(target.textContent.trim());
        utterance.lang = voice.lang || "nl-BE";
        try { utterance.voice = voice; } catch (e) { /* the language alone picks a Dutch voice */ }
        if (synth.cancel) { synth.cancel(); }
        synth.speak(utterance);
      });
    }
  });
})();
