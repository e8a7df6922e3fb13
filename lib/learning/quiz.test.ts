import { describe, expect, it } from "vitest";
import { normaliseShortAnswer, scoreQuiz, toPublicQuiz, ZQuizContent } from "./quiz";
import { QUIZ_CONTENT } from "../../testing/learning-fixtures";

const quiz = ZQuizContent.parse(QUIZ_CONTENT);

describe("quiz scoring", () => {
  it("the public quiz carries no answer and no feedback", () => {
    const json = JSON.stringify(toPublicQuiz(quiz));
    expect(json).not.toContain("answer");
    expect(json).not.toContain("feedback");
    expect(json).not.toContain("Paris");
    expect(json).not.toContain("C'est 4");
  });

  it("all right passes with 1", () => {
    expect(scoreQuiz(quiz, { q1: "a", q2: ["c", "a"], q3: "false", q4: "  PARIS " })).toMatchObject({
      scaledScore: 1,
      isPassed: true,
    });
  });

  it("a partly right multiple choice is wrong; unanswered is wrong; below the pass mark fails", () => {
    const result = scoreQuiz(quiz, { q1: "a", q2: ["a"], q4: "Paris" });
    expect(result.questions.map((question) => question.isCorrect)).toEqual([true, false, false, true]);
    expect(result).toMatchObject({ scaledScore: 0.5, isPassed: false });
  });

  it("extra options in a single choice or a multiple choice make it wrong", () => {
    expect(scoreQuiz(quiz, { q1: ["a", "b"], q2: ["a", "b", "c"], q3: "false", q4: "Paris" }).scaledScore).toBe(0.5);
  });

  it("short answers ignore case and accents", () => {
    expect(normaliseShortAnswer("  Île   de FRANCE ")).toBe("ile de france");
  });

  it("refuses a malformed quiz", () => {
    expect(ZQuizContent.safeParse({ passMark: 2, questions: [] }).success).toBe(false);
    expect(
      ZQuizContent.safeParse({
        passMark: 0.5,
        questions: [{ id: "x", type: "essay", prompt: { fr: "?" }, answer: [] }],
      }).success,
    ).toBe(false);
  });
});
