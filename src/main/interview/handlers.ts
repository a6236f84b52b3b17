import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import * as svc from './service'
import { handoutPdf } from './handout'
import { closeReadBack, openReadBack, readBackView } from './readback'
import * as people from './people'

/** The interview feature's IPC handlers (one per call in src/shared/ipc/contracts/interview.ts). */
export const interviewHandlers = (desk: Desk) =>
  handlers({
    'interview.start': (a) => svc.startInterview(desk, a),
    'interview.get': (a) => svc.getInterview(desk, a.interviewId),
    'interview.list': (a) => svc.listInterviews(desk, a.caseId),
    'interview.save': (a) => svc.saveFields(desk, a),
    'interview.setStage': (a) => svc.setStage(desk, a),
    'interview.emotion': (a) => svc.recordEmotion(desk, a),
    'interview.check': (a) => svc.setCheck(desk, a),
    'interview.setMeta': (a) => svc.setMeta(desk, a),
    'interview.event': (a) => svc.logEvent(desk, a),
    'interview.crisis': (a) => svc.crisis(desk, a),
    'interview.caseCrisis': (a) => svc.caseCrisis(desk, a.caseId),
    'interview.riskCue': (a) => svc.answerRiskCue(desk, a),
    'interview.followUp': (a) => svc.scheduleFollowUps(desk, a),
    'interview.finish': (a) => svc.finishInterview(desk, a),
    'interview.unfinished': () => svc.unfinishedInterviews(desk),
    'interview.proposal': (a) => svc.formAProposal(desk, a),
    'interview.decideProposal': (a) => svc.decideFormAProposal(desk, a),
    'interview.correct': (a) => svc.correctInterview(desk, a),
    'interview.formB': (a) => svc.getFormB(desk, a.interviewId),
    'interview.contacts': () => svc.contacts(desk),
    'interview.openReadBack': (a) => openReadBack(desk, a),
    'interview.closeReadBack': () => closeReadBack(desk),
    'interview.readBackView': (a) => readBackView(desk, a),
    'interview.handout': (a) => handoutPdf(desk, a),
    'person.get': (a) => people.getCasePeople(desk, a.caseId),
    'person.set': (a) => people.setCasePeople(desk, a),
    'person.flags': (a) => people.peopleFlags(desk, a.caseIds),
    'person.headcount': (a) => people.correctHeadcount(desk, a),
    'interview.language': (a) => people.setLanguage(desk, a)
  })
