import type { SurveyQuestion } from './model.ts';

export type SurveyTemplateKind = 'subsidised-enterprises' | 'training-participants' | 'residents';

export interface SurveyTemplate {
  readonly kind: SurveyTemplateKind;
  readonly title: string;
  readonly questions: readonly SurveyQuestion[];
}

const scale = (id: string, text: string, weight?: string): SurveyQuestion => ({ id, kind: 'scale', text, required: true, weight });
const suggestion: SurveyQuestion = {
  id: 'suggestion',
  kind: 'text',
  text: '您对改进本项工作有什么意见或建议？',
  required: false,
  maxLength: 500,
};

/** Starting points for the usual beneficiaries of project spending; each survey copies and edits one. */
export const SURVEY_TEMPLATES: Readonly<Record<SurveyTemplateKind, SurveyTemplate>> = {
  'subsidised-enterprises': {
    kind: 'subsidised-enterprises',
    title: '补贴企业满意度调查',
    questions: [
      scale('policy', '您对补贴政策的宣传和解读是否满意？'),
      scale('process', '您对申报、审核流程的便捷程度是否满意？'),
      scale('timeliness', '您对补贴资金拨付的及时性是否满意？'),
      scale('overall', '总体而言，您对本项目是否满意？', '2'),
      {
        id: 'channel',
        kind: 'single',
        text: '您主要通过什么渠道了解到本项补贴？',
        required: false,
        options: [
          { id: 'website', label: '政府网站' },
          { id: 'notice', label: '部门通知' },
          { id: 'association', label: '行业协会' },
          { id: 'other', label: '其他' },
        ],
      },
      suggestion,
    ],
  },
  'training-participants': {
    kind: 'training-participants',
    title: '培训学员满意度调查',
    questions: [
      scale('content', '您对培训内容的实用性是否满意？'),
      scale('teacher', '您对授课教师的讲授是否满意？'),
      scale('organisation', '您对培训的组织安排是否满意？'),
      scale('overall', '总体而言，您对本次培训是否满意？', '2'),
      {
        id: 'gain',
        kind: 'multiple',
        text: '本次培训对您有哪些帮助？（可多选）',
        required: false,
        options: [
          { id: 'skills', label: '提升了业务技能' },
          { id: 'job', label: '有助于就业或创业' },
          { id: 'certificate', label: '取得了证书' },
          { id: 'none', label: '帮助不大' },
        ],
      },
      suggestion,
    ],
  },
  residents: {
    kind: 'residents',
    title: '群众满意度调查',
    questions: [
      scale('service', '您对本项目提供的服务是否满意？'),
      scale('environment', '您对项目实施后周边环境的改善是否满意？'),
      scale('overall', '总体而言，您对本项目是否满意？', '2'),
      suggestion,
    ],
  },
};
