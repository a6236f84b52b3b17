import type { CueKind } from './risk-cues'

/**
 * Labelled sentences for the risk cues: what a worker types into notes and quotes, in spoken
 * Mandarin (zh), written record Chinese (written) and spoken Cantonese (yue). Positives carry the
 * cue they must raise; ordinary sentences (deaths, medicines, inheritance, "the last" payment,
 * threats the petitioner reports from others) must raise none. Tests and `npm run bench` use it.
 */
export type CueRegister = 'zh' | 'written' | 'yue'

export const CUE_POSITIVE: readonly { text: string; kind: CueKind; reg: CueRegister }[] = [
  // putting affairs in order
  { reg: 'zh', kind: 'affairs', text: '我已经把后事都交代好了，你们不用管我。' },
  { reg: 'written', kind: 'affairs', text: '案主称已写好遗书，放在家中抽屉。' },
  { reg: 'yue', kind: 'affairs', text: '我啲嘢樣樣都執好晒喇，唔使擔心。' },
  { reg: 'zh', kind: 'affairs', text: '该安排的我都安排好了。' },
  { reg: 'yue', kind: 'affairs', text: '我已經交帶好身後事。' },
  // giving things away
  { reg: 'zh', kind: 'givingAway', text: '我把存款都送给侄子了，留着也没用。' },
  { reg: 'written', kind: 'givingAway', text: '据其女儿反映，案主近日将首饰全部分给亲戚。' },
  { reg: 'yue', kind: 'givingAway', text: '我啲嘢送晒畀人喇。' },
  { reg: 'zh', kind: 'givingAway', text: '这些东西我以后都用不着了，你拿去吧。' },
  { reg: 'yue', kind: 'givingAway', text: '部手機我都送咗畀個孫。' },
  // goodbyes, last time
  { reg: 'zh', kind: 'goodbye', text: '这是我最后一次来找你们了。' },
  { reg: 'written', kind: 'goodbye', text: '案主临走时说今天是来跟社工告别的。' },
  { reg: 'yue', kind: 'goodbye', text: '今次係我最後一次嚟㗎喇。' },
  { reg: 'yue', kind: 'goodbye', text: '以後都唔會再嚟麻煩你哋。' },
  { reg: 'zh', kind: 'goodbye', text: '以后不会再来麻烦你们了，谢谢你。' },
  // stockpiled medication
  { reg: 'zh', kind: 'stockpiling', text: '我攒了好几瓶安眠药。' },
  { reg: 'written', kind: 'stockpiling', text: '案主承认近两个月陆续囤积安眠药。' },
  { reg: 'yue', kind: 'stockpiling', text: '我儲埋好多粒藥喺屋企。' },
  { reg: 'yue', kind: 'stockpiling', text: '大不了一次過食晒啲藥。' },
  { reg: 'zh', kind: 'stockpiling', text: '药我都存够了。' },
  // joining someone who died
  { reg: 'zh', kind: 'joinDead', text: '儿子走了，我也想去陪他。' },
  { reg: 'yue', kind: 'joinDead', text: '我想落去陪返老公。' },
  { reg: 'written', kind: 'joinDead', text: '案主多次表示想随丈夫一起走。' },
  { reg: 'zh', kind: 'joinDead', text: '到了那边我就能见到我妈了，我们在另一个世界团聚。' },
  { reg: 'yue', kind: 'joinDead', text: '佢走咗，我都想跟佢一齊走。' },
  // being a burden
  { reg: 'zh', kind: 'burden', text: '我就是家里的累赘。' },
  { reg: 'yue', kind: 'burden', text: '冇咗我，屋企人會好過啲。' },
  { reg: 'written', kind: 'burden', text: '案主自述"我成了孩子的负担"。' },
  { reg: 'zh', kind: 'burden', text: '我不在了大家都轻松。' },
  { reg: 'yue', kind: 'burden', text: '我唔想再拖累屋企人。' },
  { reg: 'written', kind: 'burden', text: '案主反复说自己是家里的拖累。' },
  // said outright
  { reg: 'zh', kind: 'direct', text: '这事不解决我真的活不下去了。' },
  { reg: 'yue', kind: 'direct', text: '我真係唔想活喇。' },
  { reg: 'written', kind: 'direct', text: '案主称有轻生念头。' },
  // threats to others
  { reg: 'zh', kind: 'threatOthers', text: '再不给钱我就去杀了那个老板。' },
  { reg: 'yue', kind: 'threatOthers', text: '我同佢拼咗佢！' },
  { reg: 'written', kind: 'threatOthers', text: '案主扬言要与对方同归于尽。' },
  { reg: 'zh', kind: 'threatOthers', text: '我已经准备好汽油了，带刀过去。' },
  { reg: 'yue', kind: 'threatOthers', text: '我會叫佢血債血償。' },
  // threats to staff
  { reg: 'zh', kind: 'threatStaff', text: '你们等着，我知道你住在哪。' },
  { reg: 'yue', kind: 'threatStaff', text: '唔同我搞掂，我就喺呢度跳樓。' },
  { reg: 'written', kind: 'threatStaff', text: '来访人称若不解决就在接待大厅闹，并说知道社工家住哪里。' },
  { reg: 'yue', kind: 'threatStaff', text: '你哋睇住！' }
]

export const CUE_ORDINARY: readonly { text: string; reg: CueRegister }[] = [
  // deaths and funerals
  { reg: 'written', text: '案主父亲于2025年3月因病去世，丧葬费用由案主垫付。' },
  { reg: 'written', text: '已办完母亲的后事，现要求单位支付丧葬补助。' },
  { reg: 'zh', text: '我老公去年在工地出事死了，到现在都没赔偿。' },
  { reg: 'yue', text: '我老豆上年過咗身，啲手續仲未搞掂。' },
  { reg: 'written', text: '其工友去年因纠纷跳楼身亡，案主目睹后情绪低落。' },
  { reg: 'written', text: '父亲后事费用共计三万元，由兄弟三人分摊。' },
  { reg: 'zh', text: '我要去找我儿子的单位领导问清楚。' },
  { reg: 'yue', text: '我想去搵佢公司老闆傾下。' },
  { reg: 'zh', text: '下午我还要去陪老伴看病。' },
  // inheritance, wills
  { reg: 'written', text: '父亲生前留有遗嘱，兄妹因遗产继承发生纠纷。' },
  { reg: 'written', text: '案主要求对遗嘱公证的效力进行确认。' },
  // medicines
  { reg: 'zh', text: '我每个月吃药要花两千多，医药费报销不了。' },
  { reg: 'written', text: '案主患高血压，需长期按时吃药治疗。' },
  { reg: 'yue', text: '醫生開咗啲藥，我每日都有食。' },
  { reg: 'written', text: '医院开的药费用过高，要求医保部门核查。' },
  { reg: 'zh', text: '药店把我的药价算错了。' },
  // "last" payments, hearings
  { reg: 'written', text: '最后一次发工资是2025年10月，此后再未发放。' },
  { reg: 'zh', text: '最后一次开庭是去年十二月。' },
  { reg: 'yue', text: '上個月係最後一次出糧。' },
  { reg: 'written', text: '最后一次缴纳社保为2024年6月。' },
  { reg: 'zh', text: '上次来的时候你们说十五天内答复。' },
  { reg: 'yue', text: '我上次嚟已經交咗啲文件。' },
  // threats the petitioner reports from others
  { reg: 'written', text: '案主称包工头扬言要打断他的腿，已报警。' },
  { reg: 'zh', text: '老板威胁说再闹就开除我。' },
  { reg: 'yue', text: '村幹部話要趕我走。' },
  // giving and sending, ordinary
  { reg: 'zh', text: '材料我都送给街道办了，他们说会转过去。' },
  { reg: 'written', text: '案主已将相关证据材料提交至区人社局。' },
  { reg: 'yue', text: '我啲文件已經交咗畀法院。' },
  { reg: 'zh', text: '工资要留给孩子交学费。' },
  { reg: 'zh', text: '我把房子租给别人了，租金用来还债。' },
  // burdens, ordinary
  { reg: 'written', text: '家庭经济负担较重，两个孩子在读书。' },
  { reg: 'zh', text: '房贷是我们家最大的负担。' },
  { reg: 'yue', text: '屋企開支好大，壓力好大。' },
  // anger without threats
  { reg: 'zh', text: '我很生气，他们一直拖着不办。' },
  { reg: 'yue', text: '我好嬲呀，佢哋成日踢嚟踢去。' },
  { reg: 'written', text: '案主情绪激动，大声指责有关部门不作为。' },
  { reg: 'zh', text: '你们等一下，我去拿材料。' },
  { reg: 'zh', text: '砍价砍了半天，最后还是没买。' },
  // other ordinary
  { reg: 'written', text: '案主表示会等待区信访局的书面答复。' },
  { reg: 'yue', text: '我聽日再打電話嚟問進度。' },
  { reg: 'zh', text: '以后有什么事我再来找你们。' },
  { reg: 'written', text: '案主女儿陪同来访，协助说明情况。' },
  { reg: 'zh', text: '我妈妈身体不好，我要回去照顾她。' },
  { reg: 'yue', text: '我想同老婆一齊去區政府問清楚。' },
  { reg: 'zh', text: '我跟他一起去的劳动仲裁委。' }
]
